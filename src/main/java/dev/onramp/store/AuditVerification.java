package dev.onramp.store;

import java.util.List;

/**
 * The result of checking the audit log's chain, signed checkpoints and the database's own protection of it:
 * intact, the first entry found bad, or the protection found missing.
 */
public sealed interface AuditVerification {
    /** One sentence for people and for the command line. */
    String message();

    /** Every entry is there, unchanged and in order, and every signed checkpoint matches. */
    record Intact(long entries, long lastCheckpoint) implements AuditVerification {
        @Override
        public String message() {
            return entries == 0 ? "The audit log is intact and empty."
                    : "The audit log is intact: " + entries + (entries == 1 ? " entry" : " entries")
                            + "; the last signed checkpoint vouches for entry " + lastCheckpoint + ".";
        }
    }

    /** The log was changed: {@code firstBadSeq} is the lowest sequence number that is not as it was written. */
    record Broken(long firstBadSeq, String reason) implements AuditVerification {
        @Override
        public String message() {
            return "The audit log was tampered with at entry " + firstBadSeq + ": " + reason + ".";
        }
    }

    /**
     * Every entry is as it was written, but the database no longer refuses changes to them: {@code missing}
     * says which of its rules are gone.
     */
    record Unprotected(long entries, List<String> missing) implements AuditVerification {
        public Unprotected {
            missing = List.copyOf(missing);
        }

        @Override
        public String message() {
            return "The database's protection of the audit trail is missing, so its entries could now be changed or"
                    + " deleted without the database refusing (" + String.join("; ", missing) + "): keep this data"
                    + " folder as it is, run onramp audit export, and send a support bundle (onramp support-bundle) to"
                    + " support, who can restore the protection.";
        }
    }
}
