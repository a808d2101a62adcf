package dev.onramp.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.model.TenantId;
import dev.onramp.text.Messages;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Removing a data folder whose key is in a real GNOME Keyring on a private session bus removes that key too. */
class DataRemovalInKeyringTest {
    private static final Messages GERMAN = Messages.of(Locale.GERMAN);
    private static final Messages FRENCH = Messages.of(Locale.FRENCH);
    private static final SecretSlot SLOT = new SecretSlot("connection", "secret_config", TenantId.random(), "row-1");

    @RegisterExtension
    static final PrivateKeyring keyring = new PrivateKeyring();

    @TempDir
    Path dir;

    @Test
    void removal_takesTheFoldersKeyOutOfTheKeyring() {
        Path data = folderWithKeyInTheKeyring("data");

        DataRemoval.Removal removal = new DataRemoval(data, this::keyringFor).remove();

        assertThat(data).doesNotExist();
        assertThat(keyringFor(data).load()).isEmpty();
        assertThat(removal.key()).startsWith("Removed its key from the Secret Service");
    }

    @Test
    void removal_leavesTheKeyOfAnotherFolder() {
        Path removed = folderWithKeyInTheKeyring("removed");
        Path kept = folderWithKeyInTheKeyring("kept");

        new DataRemoval(removed, this::keyringFor).remove();

        assertThat(keyringFor(kept).load()).isPresent();
    }

    @Test
    void plan_namesTheKeyringItem() {
        Path data = folderWithKeyInTheKeyring("data");

        assertThat(new DataRemoval(data, this::keyringFor).plan().key())
                .isEqualTo("its key in " + keyringFor(data).description());
    }

    @Test
    void planAndRemoval_nameTheKeyringItemInGermanAndFrench() {
        Path data = folderWithKeyInTheKeyring("data");
        DataRemoval removal = new DataRemoval(data, this::keyringFor);

        DataRemoval.Plan plan = removal.plan();
        DataRemoval.Removal removed = removal.remove();

        assertThat(GERMAN.render(plan.keyText())).startsWith("seinen Schlüssel in Secret Service (z. B. GNOME Keyring):"
                + " Eintrag „Onramp key-encryption key (");
        assertThat(FRENCH.render(plan.keyText())).startsWith("sa clé dans l’élément « Onramp key-encryption key (");
        assertThat(GERMAN.render(removed.keyText())).startsWith("Sein Schlüssel wurde aus Secret Service (z. B. GNOME"
                + " Keyring): Eintrag „Onramp key-encryption key (").endsWith("“ entfernt.");
        assertThat(FRENCH.render(removed.keyText())).startsWith("Sa clé a été supprimée de l’élément « Onramp")
                .endsWith("» du Secret Service (p. ex. GNOME Keyring).");
    }

    private Path folderWithKeyInTheKeyring(String name) {
        Path data = dir.resolve(name);
        try (Database db = Database.open(data)) {
            KekStore kek = KekStores.choose(data, "Linux", keyring.environment(), KekStores.LOOKUP_TIMEOUT);
            Vault.open(db, kek).encrypt("{\"api_key\":\"k-1\"}".getBytes(UTF_8), SLOT);
        }
        assertThat(keyringFor(data).load()).isPresent();
        return data;
    }

    private SecretServiceKeyring keyringFor(Path data) {
        return new SecretServiceKeyring(keyring.address(), data, KekStores.LOOKUP_TIMEOUT);
    }
}
