package dev.onramp.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onramp.demo.AirbyteSimulator;
import dev.onramp.model.Tenant;
import dev.onramp.testing.StoreFixture;
import dev.onramp.text.Messages;
import dev.onramp.text.Text;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Removing a real data folder made by the store: everything goes, a folder that is not wholly Onramp's or
 * that an Onramp has open is refused and left as it was, and a run that stopped half-way is finished.
 */
class DataRemovalTest {
    private static final byte[] KEY = {7, 7, 7};

    @TempDir
    Path dir;

    private final MemoryKeyring keyring = new MemoryKeyring();

    @Test
    void realDataFolder_isRemovedWithNothingLeftBeside() throws IOException {
        Path data = dataFolder();

        DataRemoval.Removal removal = removalOf(data).remove();

        assertThat(data).doesNotExist();
        assertThat(namesIn(dir)).isEmpty();
        assertThat(removal.bytes()).isPositive();
    }

    @Test
    void plan_namesTheFolderItsSizeAndWhatItHolds_andChangesNothing() throws IOException {
        Path data = dataFolder();
        List<Path> before = tree(data);

        DataRemoval.Plan plan = removalOf(data).plan();

        assertThat(plan.folder()).isEqualTo(data.toAbsolutePath());
        assertThat(plan.bytes()).isEqualTo(sizeOf(data));
        assertThat(plan.businesses()).hasValue(2);
        assertThat(plan.connections()).hasValue(0);
        assertThat(plan.unfinished()).isEmpty();
        assertThat(tree(data)).isEqualTo(before);
    }

    @Test
    void keyInTheSystemStore_isRemovedFromIt() throws IOException {
        Path data = dataFolder();
        markKeyInSystemStore(data);
        keyring.save(KEY);

        DataRemoval.Removal removal = removalOf(data).remove();

        assertThat(keyring.load()).isEmpty();
        assertThat(removal.key()).isEqualTo("Removed its key from a key store in memory.");
    }

    @Test
    void keyInItsFile_withNoSystemStoreAnswering_goesWithTheFolder() throws IOException {
        Path data = dataFolder();

        DataRemoval.Removal removal = new DataRemoval(data, folder -> {
            throw new KeyringUnavailableException("No D-Bus session was found.");
        }).remove();

        assertThat(data).doesNotExist();
        assertThat(removal.key()).isEqualTo("Its key was in its key file, removed with the folder (no system key"
                + " store answered).");
    }

    @Test
    void whatBecameOfTheKey_isSaidInGermanAndFrench() throws IOException {
        Path data = dataFolder();
        Path empty = Files.createDirectories(dir.resolve("empty"));
        DataRemoval removal = new DataRemoval(data, folder -> {
            throw new KeyringUnavailableException("No D-Bus session was found.");
        });

        Text plan = removal.plan().keyText();
        Text removed = removal.remove().keyText();

        assertThat(Messages.of(Locale.GERMAN).render(plan)).isEqualTo("seine Schlüsseldatei im Ordner");
        assertThat(Messages.of(Locale.GERMAN).render(removed)).isEqualTo("Sein Schlüssel lag in seiner Schlüsseldatei"
                + " und wurde mit dem Ordner entfernt (kein Schlüsselspeicher des Systems hat geantwortet).");
        assertThat(Messages.of(Locale.FRENCH).render(removed)).isEqualTo("Sa clé était dans son fichier de clé, supprimé"
                + " avec le dossier (aucun trousseau du système n’a répondu).");
        assertThat(Messages.of(Locale.GERMAN).render(removalOf(empty).remove().keyText()))
                .isEqualTo("Es gab nichts zu entfernen.");
    }

    @Test
    void keyInTheSystemStore_thatDoesNotAnswer_isRefusedAndNothingIsRemoved() throws IOException {
        Path data = dataFolder();
        markKeyInSystemStore(data);
        keyring.refuses = true;
        List<Path> before = tree(data);

        assertThatThrownBy(() -> removalOf(data).remove()).isInstanceOf(StoreException.class)
                .hasMessage("The key of " + data + " is in the system's key store, which did not answer: The keyring"
                        + " is locked. Nothing was removed; run again once it answers.");
        assertThat(tree(data)).isEqualTo(before);
    }

    @Test
    void folderHoldingOtherFiles_isRefusedAndLeftUntouched() throws IOException {
        Path home = dataFolder();
        Files.writeString(home.resolve(".bashrc"), "alias ll='ls -l'\n");
        Files.createDirectories(home.resolve("Documents")).resolve("taxes.txt");
        List<Path> before = tree(home);

        assertThatThrownBy(() -> removalOf(home).remove()).isInstanceOf(StoreException.class)
                .hasMessageStartingWith(home + " holds more than Onramp's data (")
                .hasMessageContaining(".bashrc").hasMessageContaining("Documents")
                .hasMessageEndingWith("): Onramp removes a data folder only when it holds nothing else, so move those"
                        + " out first or check --data-dir.");
        assertThat(tree(home)).isEqualTo(before);
    }

    @Test
    void foreignFileInsideTheKeysFolder_isRefused() throws IOException {
        Path data = dataFolder();
        Files.writeString(data.resolve("keys/id_ed25519"), "not Onramp's");

        assertThatThrownBy(() -> removalOf(data).remove()).hasMessageContaining("(keys)");
        assertThat(data.resolve("keys/id_ed25519")).exists();
    }

    @Test
    void theBuiltInSimulatorsKeptSources_areOnrampsAndGoWithTheFolder() throws IOException {
        Path data = dataFolder();
        try (AirbyteSimulator simulator = AirbyteSimulator.builder().stateFolder(data.resolve("simulator")).start()) {
            // Asking for the Cloud application keeps the simulator's state: its file and its lock file.
            assertThat(simulator.cloudClientId()).isNotBlank();
        }
        assertThat(namesIn(data.resolve("simulator"))).isNotEmpty();

        removalOf(data).remove();

        assertThat(data).doesNotExist();
        assertThat(namesIn(dir)).isEmpty();
    }

    @Test
    void theUserGuidesCopiedForTheBrowser_areOnrampsAndGoWithTheFolder() throws IOException {
        Path data = dataFolder();
        // Help → Open documentation writes them there (ui/help/GuidePage), whole through a temporary onramp-… file.
        Path help = Files.createDirectories(data.resolve("help"));
        Files.writeString(help.resolve("onramp-guide-en.html"), "<!DOCTYPE html><html lang=\"en\"></html>");
        Files.writeString(help.resolve("onramp-guide-de.html"), "<!DOCTYPE html><html lang=\"de\"></html>");

        removalOf(data).remove();

        assertThat(data).doesNotExist();
        assertThat(namesIn(dir)).isEmpty();
    }

    @Test
    void foreignFileInsideTheHelpFolder_isRefused() throws IOException {
        Path data = dataFolder();
        Files.writeString(Files.createDirectories(data.resolve("help")).resolve("notes.txt"), "not Onramp's");

        assertThatThrownBy(() -> removalOf(data).remove()).hasMessageContaining("(help)");
        assertThat(data.resolve("help/notes.txt")).exists();
    }

    @Test
    void foreignFileInsideTheSimulatorFolder_isRefused() throws IOException {
        Path data = dataFolder();
        Files.writeString(Files.createDirectories(data.resolve("simulator")).resolve("notes.txt"), "not Onramp's");

        assertThatThrownBy(() -> removalOf(data).remove()).hasMessageContaining("(simulator)");
        assertThat(data.resolve("simulator/notes.txt")).exists();
    }

    @Test
    void folderWithoutOnrampsDatabaseOrKeys_isRefusedAsNotADataFolder() throws IOException {
        Path other = Files.createDirectories(dir.resolve("photos"));
        Files.writeString(other.resolve("onramp-trip.jpg"), "jpeg");

        assertThatThrownBy(() -> removalOf(other).remove()).isInstanceOf(StoreException.class)
                .hasMessage(other + " is not an Onramp data folder (it holds neither onramp.mv.db nor Onramp's keys):"
                        + " check --data-dir.");
        assertThat(other.resolve("onramp-trip.jpg")).exists();
    }

    @Test
    void aFileInsteadOfAFolder_isRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "hello");

        assertThatThrownBy(() -> removalOf(file).remove())
                .hasMessage(file + " is a file, not an Onramp data folder: check --data-dir.");
        assertThat(file).hasContent("hello");
    }

    @Test
    void linkToADataFolder_isRefused() throws IOException {
        Path data = dataFolder();
        Path link = Files.createSymbolicLink(dir.resolve("link"), data);

        assertThatThrownBy(() -> removalOf(link).remove())
                .hasMessage(link + " is a link, not a folder: Onramp removes only a data folder itself.");
        assertThat(data.resolve("onramp.mv.db")).exists();
    }

    @Test
    void missingOrEmptyFolder_hasNothingToRemove() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        assertThat(removalOf(dir.resolve("missing")).plan().nothingToRemove()).isTrue();
        assertThat(removalOf(empty).plan().nothingToRemove()).isTrue();
        assertThat(removalOf(empty).remove().key()).isEqualTo("There was nothing to remove.");
        assertThat(empty).isEmptyDirectory();
    }

    @Test
    void folderOpenInThisProcess_isRefusedAndLeftUntouched() throws IOException {
        Path data = dataFolder();
        List<Path> before = tree(data);
        try (StoreFixture open = StoreFixture.open(data)) {
            assertThatThrownBy(() -> removalOf(data).remove()).isInstanceOf(StoreException.class)
                    .hasMessage("Onramp's data in " + data + " is in use by another Onramp window or process: close"
                            + " it and try again. Nothing was removed.");
        }
        assertThat(tree(data)).isEqualTo(before);
        assertThat(dir.resolve("data" + DataRemoval.TOMBSTONE_SUFFIX)).doesNotExist();
    }

    @Test
    void folderOpenInAnotherProcess_isRefusedAndLeftUntouched() throws Exception {
        Path data = dataFolder();
        keyring.save(KEY);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process other = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), data.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (BufferedReader output = other.inputReader()) {
            assertThat(output.lines().filter(line -> line.startsWith(LockHolder.READY)).findFirst()).isPresent();

            assertThatThrownBy(() -> removalOf(data).remove()).hasMessageContaining("is in use by another Onramp");
            assertThat(data.resolve("onramp.mv.db")).exists();
            assertThat(keyring.load()).hasValue(KEY);
        } finally {
            other.getOutputStream().close();
            if (!other.waitFor(20, TimeUnit.SECONDS)) {
                other.destroyForcibly();
            }
        }
    }

    @Test
    void whileTheRemovalHoldsTheLock_onrampCannotOpenTheFolder() throws IOException {
        Path data = dataFolder();
        markKeyInSystemStore(data);
        keyring.onDelete = () -> assertThatThrownBy(() -> Database.open(dir.resolve("data" + DataRemoval.TOMBSTONE_SUFFIX)))
                .hasMessageContaining("is in use by another Onramp window or process");
        keyring.save(KEY);

        removalOf(data).remove();

        assertThat(keyring.deleted).isTrue();
    }

    @Test
    void tombstoneLeftByAStoppedRun_isFinishedByTheNextRun() throws IOException {
        Path data = dataFolder();
        markKeyInSystemStore(data);
        keyring.save(KEY);
        Path tombstone = Files.move(data, dir.resolve("data" + DataRemoval.TOMBSTONE_SUFFIX));

        DataRemoval.Plan plan = removalOf(data).plan();
        DataRemoval.Removal removal = removalOf(data).remove();

        assertThat(plan.unfinished()).hasValue(tombstone);
        assertThat(plan.nothingToRemove()).isFalse();
        assertThat(namesIn(dir)).isEmpty();
        assertThat(keyring.load()).isEmpty();
        assertThat(removal.key()).isEqualTo("Removed its key from a key store in memory.");
    }

    @Test
    void keyStoreFailingAfterTheFolderWasSetAside_leavesATombstoneTheNextRunFinishes() throws IOException {
        Path data = dataFolder();
        markKeyInSystemStore(data);
        keyring.save(KEY);
        keyring.refusesToDelete = true;

        assertThatThrownBy(() -> removalOf(data).remove()).isInstanceOf(StoreException.class)
                .hasMessageEndingWith("Run the command again to finish.");
        assertThat(data).doesNotExist();
        assertThat(dir.resolve("data" + DataRemoval.TOMBSTONE_SUFFIX)).isDirectory();

        keyring.refusesToDelete = false;
        removalOf(data).remove();

        assertThat(namesIn(dir)).isEmpty();
        assertThat(keyring.load()).isEmpty();
    }

    @Test
    void tombstoneAndAFolderMadeSince_bothGo() throws IOException {
        Path data = dataFolder();
        Files.move(data, dir.resolve("data" + DataRemoval.TOMBSTONE_SUFFIX));
        dataFolder();

        removalOf(data).remove();

        assertThat(namesIn(dir)).isEmpty();
    }

    /** A data folder as Onramp leaves it: database with two businesses, key file, audit checkpoints, a log. */
    private Path dataFolder() throws IOException {
        Path data = dir.resolve("data");
        try (StoreFixture store = StoreFixture.open(data)) {
            Tenant acme = store.addTenant("Acme Outdoor", "ecommerce");
            store.addTenant("Bright Dental", "services");
            store.db().inTransaction(tx -> {
                store.audit().append(tx, acme.id(), "user:test", "tenant.created", "tenant:" + acme.id(), "");
                return null;
            });
        }
        assertThat(data.resolve(AuditCheckpoints.FILE_NAME)).exists();
        Files.writeString(Files.createDirectories(data.resolve("logs")).resolve("onramp.log"), "started\n");
        return data;
    }

    private static void markKeyInSystemStore(Path data) throws IOException {
        Files.writeString(data.resolve("keys/onramp.kek.in-system-store"), "in a key store in memory\n");
    }

    private DataRemoval removalOf(Path data) {
        return new DataRemoval(data, folder -> keyring);
    }

    private static List<String> namesIn(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static List<Path> tree(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.sorted().toList();
        }
    }

    private static long sizeOf(Path folder) throws IOException {
        long bytes = 0;
        for (Path path : tree(folder)) {
            if (Files.isRegularFile(path)) {
                bytes += Files.size(path);
            }
        }
        return bytes;
    }

    /** A key store in memory that can refuse to answer, or refuse only to delete. */
    private static final class MemoryKeyring implements SystemKeyring {
        Optional<byte[]> secret = Optional.empty();
        boolean refuses;
        boolean refusesToDelete;
        boolean deleted;
        Runnable onDelete = () -> {};

        @Override
        public void probe() {
            if (refuses) {
                throw new KeyringUnavailableException("The keyring is locked.");
            }
        }

        @Override
        public Optional<byte[]> load() {
            probe();
            return secret;
        }

        @Override
        public void save(byte[] bytes) {
            secret = Optional.of(bytes.clone());
        }

        @Override
        public boolean delete() {
            probe();
            if (refusesToDelete) {
                throw new KeyringUnavailableException("The keyring is locked.");
            }
            onDelete.run();
            deleted = true;
            boolean had = secret.isPresent();
            secret = Optional.empty();
            return had;
        }

        @Override
        public Text described() {
            return Text.verbatim("a key store in memory");
        }
    }
}
