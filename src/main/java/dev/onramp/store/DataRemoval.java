package dev.onramp.store;

import dev.onramp.text.Messages;
import dev.onramp.text.Text;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Removes one Onramp data folder and its key in the operating system's key store, and refuses a folder that
 * holds anything Onramp did not make or that an Onramp has open (ADR 0016). The folder is first renamed to a
 * sibling tombstone, then its key is removed, then the tombstone: a run that stopped half-way is finished by
 * the next.
 */
public final class DataRemoval {
    /** Added to the folder's name for the sibling it is renamed to while it is being removed. */
    public static final String TOMBSTONE_SUFFIX = ".onramp-removing";
    private static final String DATABASE = "onramp.mv.db";
    private static final String KEYS = "keys";
    private static final String LOGS = "logs";
    /** Where the built-in Airbyte simulator keeps its sources; every file in it is named onramp-…. */
    private static final String SIMULATOR = "simulator";
    /** Where Help → Open documentation copies the user guide for the browser; every file in it is named onramp-…. */
    private static final String HELP = "help";
    /** The folders Onramp makes in a data folder, each holding only files Onramp names. */
    private static final Set<String> ONRAMP_FOLDERS = Set.of(KEYS, LOGS, SIMULATOR, HELP);
    private static final String IN_SYSTEM_STORE_MARK = "onramp.kek.in-system-store";
    /** What file managers leave in any folder they show. */
    private static final Set<String> FILE_MANAGER_LEFTOVERS = Set.of(".DS_Store", "Thumbs.db", "desktop.ini");
    private static final int FOREIGN_NAMES_SHOWN = 3;

    private final Path folder;
    private final Function<Path, SystemKeyring> keyrings;

    /**
     * @param keyrings the system key store for a data folder, not yet asked anything; throws
     *                 {@link KeyringUnavailableException} when there is none
     */
    DataRemoval(Path folder, Function<Path, SystemKeyring> keyrings) {
        this.folder = folder.toAbsolutePath().normalize();
        this.keyrings = Objects.requireNonNull(keyrings, "keyrings");
    }

    /** The removal of {@code folder}, its key in this computer's key store (as {@link KekStores} chose it). */
    public static DataRemoval forThisSystem(Path folder) {
        return new DataRemoval(folder, KekStores::keyringOfThisSystem);
    }

    /**
     * What {@link #remove} would remove, read without changing anything.
     *
     * @throws StoreException when the folder is not wholly Onramp's, with what is in the way
     */
    public Plan plan() {
        Optional<Path> unfinished = tombstone().filter(Files::isDirectory);
        unfinished.ifPresent(DataRemoval::requireOnlyOnrampFiles);
        if (isEmptyOrMissing(folder)) {
            return new Plan(folder, false, unfinished, size(unfinished), OptionalLong.empty(), OptionalLong.empty(),
                    keyPlan(keyInSystemStore()));
        }
        requireOnrampFolder();
        return new Plan(folder, true, unfinished, size(Optional.of(folder)) + size(unfinished),
                count("tenant"), count("connection"), keyPlan(keyInSystemStore()));
    }

    /**
     * Removes the folder, a tombstone an earlier run left, and the folder's key in the system's key store,
     * holding the database's lock so no Onramp can open the folder meanwhile.
     *
     * @throws StoreException when refused (nothing changed) or when a step failed (run again to finish)
     */
    public Removal remove() {
        Plan plan = plan();
        if (plan.nothingToRemove()) {
            return new Removal(folder, 0, Text.of("store.dataRemoval.nothingRemoved"));
        }
        Path tombstone = tombstone().orElseThrow();
        boolean keyInSystemStore = keyInSystemStore();
        Optional<SystemKeyring> keyring = reachableKeyring(keyInSystemStore);
        Text key;
        try (FolderLock lock = FolderLock.take(folder.resolve(DATABASE))) {
            if (plan.folderPresent()) {
                // A tombstone from before and a folder made since: the older one goes first, to free the name.
                deleteTree(tombstone);
                setAside(tombstone, lock);
            }
            key = removeKey(keyring, keyInSystemStore);
            deleteTree(tombstone);
        }
        return new Removal(folder, plan.bytes(), key);
    }

    /** The folder's key store, or empty when its key is in its key file and no key store answers. */
    private Optional<SystemKeyring> reachableKeyring(boolean keyInSystemStore) {
        try {
            SystemKeyring keyring = keyrings.apply(folder);
            if (keyInSystemStore && !keyring.insideDataFolder()) {
                keyring.probe();
            }
            return Optional.of(keyring);
        } catch (KeyringUnavailableException e) {
            if (keyInSystemStore) {
                throw new StoreException(Text.of("store.dataRemoval.keyStoreSilent", folder, e.text()), e);
            }
            return Optional.empty();
        }
    }

    private Text removeKey(Optional<SystemKeyring> keyring, boolean keyInSystemStore) {
        if (keyring.isEmpty()) {
            return Text.of("store.dataRemoval.keyFileRemoved");
        }
        SystemKeyring store = keyring.get();
        if (store.insideDataFolder()) {
            return Text.of("store.dataRemoval.wrappedKeyRemoved", store.described());
        }
        boolean removed;
        try {
            removed = store.delete();
        } catch (KeyringUnavailableException e) {
            if (keyInSystemStore) {
                throw new StoreException(Text.of("store.dataRemoval.keyLeft", folder, store.described(), e.text()), e);
            }
            return Text.of("store.dataRemoval.keyFileRemovedStoreSilent", e.text());
        }
        return removed ? Text.of("store.dataRemoval.keyRemovedFrom", store.described())
                : Text.of("store.dataRemoval.keyFileRemovedStoreHeldNone", store.described());
    }

    /** Renames the folder to its tombstone, so that from here on no Onramp can start on half a folder. */
    private void setAside(Path tombstone, FolderLock lock) {
        try {
            Files.move(folder, tombstone, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileSystemException e) {
            // Windows renames no folder while a file in it is open, the locked database included. It refuses
            // just the same while another Onramp has it open, so letting go first keeps that guarantee.
            lock.release();
            try {
                Files.move(folder, tombstone, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException again) {
                throw new StoreException(Text.of("store.dataRemoval.renameBusy", folder, tombstone,
                        again.getMessage()), again);
            }
        } catch (IOException e) {
            throw new StoreException(Text.of("store.dataRemoval.renameDenied", folder, tombstone, e.getMessage(),
                    folder.getParent()), e);
        }
    }

    private Optional<Path> tombstone() {
        return Optional.ofNullable(folder.getFileName())
                .map(name -> folder.resolveSibling(name + TOMBSTONE_SUFFIX));
    }

    private Text keyPlan(boolean inSystemStore) {
        try {
            SystemKeyring keyring = keyrings.apply(folder);
            if (keyring.insideDataFolder()) {
                return Text.of("store.dataRemoval.plan.wrappedKey", keyring.described());
            }
            return inSystemStore ? Text.of("store.dataRemoval.plan.keyIn", keyring.described())
                    : Text.of("store.dataRemoval.plan.keyFileAndAnyIn", keyring.described());
        } catch (KeyringUnavailableException e) {
            return inSystemStore ? Text.of("store.dataRemoval.plan.keyInSilentStore", e.text())
                    : Text.of("store.dataRemoval.plan.keyFile");
        }
    }

    /** True when the folder (or its tombstone) is marked as having its key in the system's key store. */
    private boolean keyInSystemStore() {
        return Stream.concat(Stream.of(folder), tombstone().stream())
                .anyMatch(dataDir -> Files.exists(dataDir.resolve(KEYS).resolve(IN_SYSTEM_STORE_MARK)));
    }

    private void requireOnrampFolder() {
        if (Files.isSymbolicLink(folder)) {
            throw new StoreException(Text.of("store.dataRemoval.link", folder));
        }
        if (!Files.isDirectory(folder)) {
            throw new StoreException(Text.of("store.dataRemoval.file", folder));
        }
        if (!Files.isRegularFile(folder.resolve(DATABASE)) && namesIn(folder.resolve(KEYS)).stream()
                .noneMatch(name -> name.startsWith("onramp.kek"))) {
            throw new StoreException(Text.of("store.dataRemoval.notDataFolder", folder, DATABASE));
        }
        requireOnlyOnrampFiles(folder);
    }

    /** Refuses a folder holding anything Onramp does not make, so that e.g. a home folder is never removed. */
    private static void requireOnlyOnrampFiles(Path dataDir) {
        List<String> foreign = new ArrayList<>();
        for (String name : namesIn(dataDir)) {
            boolean own = madeByOnramp(name) || name.equals(AuditCheckpoints.FILE_NAME)
                    || ONRAMP_FOLDERS.contains(name) && Files.isDirectory(dataDir.resolve(name))
                    && namesIn(dataDir.resolve(name)).stream().allMatch(DataRemoval::madeByOnramp);
            if (!own) {
                foreign.add(name);
            }
        }
        if (!foreign.isEmpty()) {
            String shown = String.join(", ", foreign.subList(0, Math.min(FOREIGN_NAMES_SHOWN, foreign.size())))
                    + (foreign.size() > FOREIGN_NAMES_SHOWN ? " and " + (foreign.size() - FOREIGN_NAMES_SHOWN)
                    + " more" : "");
            throw new StoreException(Text.of("store.dataRemoval.moreThanData", dataDir, shown));
        }
    }

    private static boolean madeByOnramp(String name) {
        return name.startsWith("onramp") || FILE_MANAGER_LEFTOVERS.contains(name);
    }

    private static boolean isEmptyOrMissing(Path dataDir) {
        return !Files.exists(dataDir) || Files.isDirectory(dataDir) && !Files.isSymbolicLink(dataDir)
                && namesIn(dataDir).isEmpty();
    }

    private static List<String> namesIn(Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dataDir)) {
            entries.forEach(entry -> names.add(entry.getFileName().toString()));
        } catch (IOException e) {
            throw new StoreException(Text.of("store.dataRemoval.unreadable", dataDir, e.getMessage()), e);
        }
        return names;
    }

    private static long size(Optional<Path> tree) {
        if (tree.isEmpty()) {
            return 0;
        }
        long[] bytes = {0};
        walk(tree.get(), new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                bytes[0] += attributes.size();
                return FileVisitResult.CONTINUE;
            }
        });
        return bytes[0];
    }

    /** Counts a table's rows from the database opened read-only; empty when it cannot be read (e.g. in use). */
    private OptionalLong count(String table) {
        if (!Files.isRegularFile(folder.resolve(DATABASE))) {
            return OptionalLong.empty();
        }
        String url = "jdbc:h2:file:" + folder.resolve("onramp") + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r;TRACE_LEVEL_FILE=0";
        try (Connection jdbc = DriverManager.getConnection(url, "onramp", "")) {
            return Sql.queryOne(jdbc, "SELECT COUNT(*) FROM " + table, row -> row.getLong(1))
                    .map(OptionalLong::of).orElse(OptionalLong.empty());
        } catch (SQLException e) {
            return OptionalLong.empty();
        }
    }

    private static void deleteTree(Path tree) {
        if (!Files.exists(tree)) {
            return;
        }
        walk(tree, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void walk(Path tree, SimpleFileVisitor<Path> visitor) {
        try {
            Files.walkFileTree(tree, visitor);
        } catch (IOException e) {
            throw new StoreException(Text.of("store.dataRemoval.walk", tree, e.getMessage()), e);
        }
    }

    /**
     * What a removal would remove: the folder, a tombstone an earlier run left, their size and the key
     * ({@code keyText}, e.g. "its key file inside the folder").
     */
    public record Plan(Path folder, boolean folderPresent, Optional<Path> unfinished, long bytes,
            OptionalLong businesses, OptionalLong connections, Text keyText) {
        /** True when neither the folder (or it is empty) nor a tombstone is there. */
        public boolean nothingToRemove() {
            return !folderPresent && unfinished.isEmpty();
        }

        /** {@link #keyText()} in the process's display language. */
        public String key() {
            return Messages.display().render(keyText);
        }
    }

    /**
     * What a removal removed, for the person who asked: it cannot go into the audit log, which went with it;
     * {@code keyText} says what became of the key, e.g. "Removed its key from …".
     */
    public record Removal(Path folder, long bytes, Text keyText) {
        /** {@link #keyText()} in the process's display language. */
        public String key() {
            return Messages.display().render(keyText);
        }
    }

    /** The database file's lock, the one an Onramp holds while it has the folder open. */
    private static final class FolderLock implements AutoCloseable {
        private final Optional<FileChannel> channel;

        private FolderLock(Optional<FileChannel> channel) {
            this.channel = channel;
        }

        /** Takes the lock on {@code database}; a folder without a database has no lock to take. */
        static FolderLock take(Path database) {
            if (!Files.isRegularFile(database)) {
                return new FolderLock(Optional.empty());
            }
            FileChannel channel = null;
            try {
                channel = FileChannel.open(database, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    throw inUse(database);
                }
                return new FolderLock(Optional.of(channel));
            } catch (OverlappingFileLockException e) {
                close(channel);
                throw inUse(database);
            } catch (IOException e) {
                close(channel);
                throw new StoreException(Text.of("store.dataRemoval.open", database, e.getMessage()), e);
            } catch (StoreException e) {
                close(channel);
                throw e;
            }
        }

        void release() {
            channel.ifPresent(FolderLock::close);
        }

        @Override
        public void close() {
            release();
        }

        private static StoreException inUse(Path database) {
            return new StoreException(Text.of("store.dataRemoval.inUse", database.getParent()));
        }

        private static void close(FileChannel channel) {
            if (channel == null) {
                return;
            }
            try {
                channel.close();
            } catch (IOException e) {
                // Closing also lets go of the lock; a channel that fails to close holds nothing Onramp still needs.
            }
        }
    }
}
