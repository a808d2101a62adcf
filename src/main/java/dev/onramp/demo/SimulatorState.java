package dev.onramp.demo;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the simulator keeps across restarts, and the one way its API calls reach it. Without a state
 * folder it lives in memory only. With one, it is one versioned JSON file there, the truth every
 * simulator on that folder shares: read again before a call when another process changed it (its
 * size, time or file id differ), and written after each change under a file lock, whole and at once
 * (a file beside it moved over the old one), readable by its owner only.
 *
 * <p>The file holds the sources' whole configurations, secrets included, as a real Airbyte keeps its
 * secrets in its own store; they are demo secrets the simulator made up (docs/security.md).
 */
final class SimulatorState {
    /** The version of the file's layout; a file of another version is set aside, not guessed at. */
    static final int VERSION = 1;
    /** The state file in the folder. Its name starts with "onramp", as everything in a data folder does. */
    static final String FILE_NAME = "onramp-simulator.json";
    /** The file whose lock makes one writer at a time among the processes sharing the folder. */
    static final String LOCK_NAME = "onramp-simulator.lock";
    /** Added to the name of a state file that could not be read, with the time, when it is set aside. */
    static final String UNREADABLE_SUFFIX = ".unreadable-";

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorState.class);
    private static final DateTimeFormatter ASIDE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);
    /** One holder of a folder's file lock per JVM: a second lock of the same file in one JVM would throw. */
    private static final Map<Path, ReentrantLock> FOLDER_LOCKS = new ConcurrentHashMap<>();

    /** Work on the state that may fail as an API call does. */
    @FunctionalInterface
    interface Work<T, E extends Exception> {
        T run() throws E;
    }

    /** What identifies one version of the file on disk; each write makes a new file, so its id changes too. */
    private record Stamp(boolean exists, Object fileKey, FileTime modified, long size) {
        static final Stamp ABSENT = new Stamp(false, null, FileTime.fromMillis(0), -1);

        static Stamp of(Path file) throws IOException {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                return new Stamp(true, attributes.fileKey(), attributes.lastModifiedTime(), attributes.size());
            } catch (NoSuchFileException e) {
                return ABSENT;
            }
        }
    }

    private final Optional<Path> folder;
    private final ObjectMapper json;
    private final Clock clock;
    private final List<KeptState> parts = new ArrayList<>();
    /** Guards the parts' state within this simulator, and {@link #seen}. */
    private final Object memory = new Object();
    /** The version of the file the parts hold now; "absent" before the first read. */
    private Stamp seen = Stamp.ABSENT;

    private SimulatorState(Optional<Path> folder, ObjectMapper json, Clock clock) {
        this.folder = folder.map(path -> path.toAbsolutePath().normalize());
        this.json = json;
        this.clock = clock;
    }

    /** A state that lives as long as the simulator. */
    static SimulatorState inMemory() {
        return new SimulatorState(Optional.empty(), new ObjectMapper(), Clock.systemUTC());
    }

    /** A state kept in {@code folder}, made when first changed; nothing is read before the first call. */
    static SimulatorState inFolder(Path folder, ObjectMapper json, Clock clock) {
        return new SimulatorState(Optional.of(folder), json, clock);
    }

    /** Adds the parts whose state is kept, before the simulator answers anything. */
    void keep(List<KeptState> kept) {
        synchronized (memory) {
            parts.addAll(kept);
        }
    }

    /** The folder the state is kept in, if any. */
    Optional<Path> folder() {
        return folder;
    }

    /** Runs {@code work}, which only reads the state, on the state as the folder has it now. */
    <T, E extends Exception> T reading(Work<T, E> work) throws E {
        return access(work, false);
    }

    /** Runs {@code work}, which may change the state, and keeps what it changed unless it failed. */
    <T, E extends Exception> T changing(Work<T, E> work) throws E {
        return access(work, true);
    }

    private <T, E extends Exception> T access(Work<T, E> work, boolean changes) throws E {
        synchronized (memory) {
            if (folder.isEmpty() || !changes && !Files.isDirectory(folder.get())) {
                // Nothing kept yet: the parts hold what there is (nothing after a start, or what a removed folder left).
                if (folder.isPresent() && seen.exists()) {
                    restoreEmpty();
                    seen = Stamp.ABSENT;
                }
                return work.run();
            }
            ReentrantLock inThisJvm;
            try {
                if (changes) {
                    createFolder(folder.get());
                }
                inThisJvm = FOLDER_LOCKS.computeIfAbsent(folder.get().toRealPath(), path -> new ReentrantLock());
            } catch (IOException e) {
                throw new UncheckedIOException("The simulator could not use its state folder " + folder.get() + ": "
                        + e.getMessage(), e);
            }
            inThisJvm.lock();
            try (FileChannel lockFile = openLockFile(); FileLock held = lockFile.lock()) {
                refresh();
                T result = work.run();
                if (changes) {
                    save();
                }
                return result;
            } catch (IOException e) {
                throw new UncheckedIOException("The simulator could not lock its state in " + folder.get() + ": "
                        + e.getMessage(), e);
            } finally {
                inThisJvm.unlock();
            }
        }
    }

    /** Reads the file again when it is not the version the parts hold; holds the lock. */
    private void refresh() {
        Path file = file();
        Stamp now;
        try {
            now = Stamp.of(file);
        } catch (IOException e) {
            LOG.warn("The simulator could not look at its state file {}: {}", file, e.toString());
            return;
        }
        if (now.equals(seen)) {
            return;
        }
        if (!now.exists()) {
            restoreEmpty();
            seen = now;
            return;
        }
        try {
            JsonNode root = json.readTree(Files.readAllBytes(file));
            if (root == null || !root.isObject()) {
                throw new UnreadableStateException("it is not a JSON object");
            }
            if (!root.path("version").isInt() || root.path("version").asInt() != VERSION) {
                throw new UnreadableStateException("its version is " + root.path("version") + ", not " + VERSION);
            }
            List<Runnable> installs = new ArrayList<>();
            for (KeptState part : parts) {
                installs.add(part.restore(root.path(part.section())));
            }
            installs.forEach(Runnable::run);
            seen = now;
            LOG.debug("The simulator read its state from {}", file);
        } catch (JacksonException e) {
            setAside(file, "it is not valid JSON: " + e.getOriginalMessage());
        } catch (UnreadableStateException e) {
            setAside(file, e.getMessage());
        } catch (IOException e) {
            // Not the file's fault (e.g. a sharing violation): the parts keep what they hold, and the next call tries again.
            LOG.warn("The simulator could not read its state file {}: {}", file, e.toString());
        }
    }

    /** Moves an unreadable state file out of the way, so the simulator starts empty instead of failing. */
    private void setAside(Path file, String why) {
        Path aside = file.resolveSibling(FILE_NAME + UNREADABLE_SUFFIX + ASIDE_TIME.format(clock.instant()));
        try {
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
            LOG.warn("The simulator's state file {} could not be read ({}); it was moved to {}, and the simulator"
                    + " goes on without the sources it held", file, why, aside.getFileName());
        } catch (IOException e) {
            LOG.warn("The simulator's state file {} could not be read ({}), nor moved aside ({}); the simulator goes on"
                    + " without the sources it held", file, why, e.toString());
        }
        restoreEmpty();
        try {
            seen = Stamp.of(file);
        } catch (IOException e) {
            seen = Stamp.ABSENT;
        }
    }

    private void restoreEmpty() {
        List<Runnable> installs = new ArrayList<>();
        for (KeptState part : parts) {
            try {
                installs.add(part.restore(MissingNode.getInstance()));
            } catch (UnreadableStateException e) {
                throw new IllegalStateException("A part of the simulator cannot start empty: " + part.section(), e);
            }
        }
        installs.forEach(Runnable::run);
    }

    /**
     * Writes the whole state to a new file beside the old one and moves it over the old one at once, so a
     * reader sees the old file or the new one, never half of one; holds the lock. A failed write leaves
     * the file as it was, and the parts are read back from it.
     */
    private void save() {
        Path file = file();
        Path temp = null;
        try {
            ObjectNode root = json.createObjectNode().put("version", VERSION).put("savedAt", clock.instant().toString());
            for (KeptState part : parts) {
                part.save(root.putObject(part.section()));
            }
            byte[] bytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
            temp = Files.createTempFile(folder.orElseThrow(), "onramp-simulator-", ".tmp", ownerOnly(false));
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            temp = null;
            seen = Stamp.of(file);
        } catch (IOException e) {
            seen = new Stamp(false, "unknown", FileTime.fromMillis(0), -2);
            refresh();
            throw new UncheckedIOException("The simulator could not keep its state in " + file + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    LOG.debug("Could not delete {}: {}", temp, e.toString());
                }
            }
        }
    }

    private FileChannel openLockFile() throws IOException {
        Path lock = folder.orElseThrow().resolve(LOCK_NAME);
        if (!Files.exists(lock)) {
            try {
                Files.createFile(lock, ownerOnly(false));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // Another simulator made it meanwhile.
            }
        }
        return FileChannel.open(lock, StandardOpenOption.WRITE);
    }

    private Path file() {
        return folder.orElseThrow().resolve(FILE_NAME);
    }

    /** Makes the folder, readable by its owner only where the file system has POSIX permissions. */
    private static void createFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder, ownerOnly(true));
        }
    }

    /**
     * Owner-only permissions where the file system has POSIX ones; elsewhere (Windows) the file takes the
     * access of the data folder it is in, which is the user's own.
     */
    private static FileAttribute<?>[] ownerOnly(boolean folder) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString(folder ? "rwx------" : "rw-------"))};
    }

    @Override
    public String toString() {
        return folder.map(path -> "state in " + path).orElse("state in memory");
    }
}
