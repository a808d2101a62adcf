package dev.onramp.store;

import dev.onramp.text.Text;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A store failure because the disk holding the data folder is full, said in one sentence with what to do. */
public final class DiskFullException extends StoreException {
    // What the operating systems say for ENOSPC and EDQUOT (Linux and macOS, then Windows).
    private static final List<String> SAYINGS = List.of("no space left on device", "disk quota exceeded",
            "not enough space on the disk", "there is not enough space");

    DiskFullException(Path dataFolder, Text whatFailed, Throwable cause) {
        super(Text.of("store.diskFull", dataFolder, whatFailed), cause);
    }

    /**
     * Whether the disk's being full caused {@code failure}: an {@link java.io.IOException} or
     * {@link FileSystemException} saying so anywhere in its causes or suppressed exceptions, however
     * H2, Flyway or JDBC wrapped it.
     */
    public static boolean causedIt(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> next = new ArrayDeque<>();
        next.add(failure);
        while (!next.isEmpty()) {
            Throwable t = next.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (says(t.getMessage()) || t instanceof FileSystemException fs && says(fs.getReason())) {
                return true;
            }
            if (t.getCause() != null) {
                next.add(t.getCause());
            }
            next.addAll(List.of(t.getSuppressed()));
        }
        return false;
    }

    private static boolean says(String message) {
        if (message == null) {
            return false;
        }
        String lower = message.toLowerCase(Locale.ROOT);
        return SAYINGS.stream().anyMatch(lower::contains);
    }
}
