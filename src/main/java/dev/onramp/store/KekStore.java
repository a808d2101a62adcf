package dev.onramp.store;

import com.google.crypto.tink.Aead;
import dev.onramp.text.Messages;
import dev.onramp.text.Text;
import java.util.Optional;

/** Holds the key-encryption key that wraps the vault's keyset. */
public interface KekStore {
    /** The KEK as an AEAD, created on first use. */
    Aead keyEncryptionKey();

    /**
     * Where the key is, as words for a sentence in any language, e.g. "file (readable by this user only): …" or
     * "the Secret Service (e.g. GNOME Keyring): item …".
     */
    Text described();

    /** {@link #described()} in English, for logs and the support bundle. */
    default String description() {
        return Messages.english().render(described());
    }

    /**
     * True when the key is there already, so that {@link #keyEncryptionKey()} makes no new one. A store
     * that cannot tell (it does not answer) says true, and {@link #keyEncryptionKey()} then says why.
     */
    boolean holdsKey();

    /** Where the key is kept, or was expected, for a sentence: "the key file /home/…/onramp.kek". */
    Text expectedAt();

    /**
     * Why the key is not in the operating system's key store, as a sentence a person can act on; empty when
     * it is, or when nobody looked for one.
     */
    default Optional<Text> fallbackReasonText() {
        return Optional.empty();
    }

    /** {@link #fallbackReasonText()} in English, for logs and the support bundle. */
    default Optional<String> fallbackReason() {
        return fallbackReasonText().map(Messages.english()::render);
    }

    /**
     * One sentence for the person, given once, when this run put the key somewhere they should know of (a
     * file, because the system's key store did not answer); empty otherwise.
     */
    default Optional<Text> firstUseNotice() {
        return Optional.empty();
    }
}
