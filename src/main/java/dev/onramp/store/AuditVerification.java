package dev.onramp.store;

import dev.onramp.text.Messages;
import dev.onramp.text.Text;
import java.util.List;

/**
 * The result of checking the audit log's chain, signed checkpoints and the database's own protection of it:
 * intact, the first entry found bad, or the protection found missing.
 */
public sealed interface AuditVerification {
    /** One sentence for people and for the command line, as a key and its arguments. */
    Text text();

    /** {@link #text()} in the process's display language. */
    default String message() {
        return Messages.display().render(text());
    }

    /** Every entry is there, unchanged and in order, and every signed checkpoint matches. */
    record Intact(long entries, long lastCheckpoint) implements AuditVerification {
        @Override
        public Text text() {
            return entries == 0 ? Text.of("store.audit.intactAndEmpty")
                    : Text.of("store.audit.intact", entries, lastCheckpoint);
        }
    }

    /**
     * The log was changed: {@code firstBadSeq} is the lowest sequence number that is not as it was written;
     * {@code reasonText} says how, e.g. "entry 2 was changed after it was written: its MAC does not match".
     */
    record Broken(long firstBadSeq, Text reasonText) implements AuditVerification {
        @Override
        public Text text() {
            return Text.of("store.audit.broken", firstBadSeq, reasonText);
        }

        /** {@link #reasonText()} in the process's display language. */
        public String reason() {
            return Messages.display().render(reasonText);
        }
    }

    /**
     * Every entry is as it was written, but the database no longer refuses changes to them: {@code missingText}
     * says which of its rules are gone, each as a phrase.
     */
    record Unprotected(long entries, List<Text> missingText) implements AuditVerification {
        public Unprotected {
            missingText = List.copyOf(missingText);
        }

        @Override
        public Text text() {
            return Text.of("store.audit.unprotected", missingJoined());
        }

        /** The rules that are gone, one phrase each, side by side: "…; …". */
        public Text missingJoined() {
            return Text.joined("; ", missingText);
        }

        /** {@link #missingText()} in the process's display language. */
        public List<String> missing() {
            Messages messages = Messages.display();
            return missingText.stream().map(messages::render).toList();
        }
    }
}
