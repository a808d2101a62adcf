package dev.onramp.connect.summary;

import dev.onramp.text.Text;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a summary's bytes to a file whole or not at all: into a temporary file in the same folder, then
 * moved over the target, so that a failure (no write access, a full disk) leaves no half-written file.
 */
public final class SummaryFiles {
    private SummaryFiles() {}

    /**
     * Writes {@code bytes} to {@code target}, replacing a file there.
     *
     * @throws SummaryWriteException with one sentence a person can act on when it cannot be written
     */
    public static void write(Path target, byte[] bytes) {
        Path file = target.toAbsolutePath().normalize();
        Path folder = file.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new SummaryWriteException(Text.of("connect.summary.write.noFolder", file.toString(),
                    String.valueOf(folder)));
        }
        if (Files.isDirectory(file)) {
            throw new SummaryWriteException(Text.of("connect.summary.write.isFolder", file.toString()));
        }
        Path temp = null;
        try {
            temp = Files.createTempFile(folder, "." + file.getFileName() + ".", ".part");
            Files.write(temp, bytes);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw new SummaryWriteException(Text.of("connect.summary.write.failed", file.toString(), why(e, folder)));
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // Nothing more to do: the failure is already said.
                }
            }
        }
    }

    /** Why, after "Could not write …:"; the system's own reason stays in its words. */
    private static Text why(IOException e, Path folder) {
        String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
        if (e instanceof AccessDeniedException || (reason != null && reason.contains("Read-only"))) {
            return Text.of("connect.summary.write.mayNotWrite", folder.toString());
        }
        if (e instanceof NoSuchFileException) {
            return Text.of("connect.summary.write.folderGone", folder.toString());
        }
        return reason == null ? Text.of("connect.summary.write.refused")
                : Text.of("connect.summary.write.systemSays", reason.strip());
    }
}
