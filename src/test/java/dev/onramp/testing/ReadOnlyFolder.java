package dev.onramp.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

/**
 * A folder nobody may write in, for tests of a write refused: without write permission for an ordinary
 * user; for root, who writes anywhere, a read-only tmpfs mounted on it (the test is skipped where that
 * is not allowed). Closing gives the folder back.
 */
public final class ReadOnlyFolder implements AutoCloseable {
    private final Path folder;
    private final boolean mounted;

    private ReadOnlyFolder(Path folder, boolean mounted) {
        this.folder = folder;
        this.mounted = mounted;
    }

    /** Makes {@code folder} (created if need be) read-only. */
    public static ReadOnlyFolder at(Path folder) throws Exception {
        Files.createDirectories(folder);
        if (!"root".equals(System.getProperty("user.name"))) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
            return new ReadOnlyFolder(folder, false);
        }
        boolean mounted = System.getProperty("os.name").startsWith("Linux")
                && command("mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", folder.toString()) == 0;
        assumeTrue(mounted, "root writes anywhere, and this environment does not allow mounting a read-only tmpfs");
        return new ReadOnlyFolder(folder, true);
    }

    public Path path() {
        return folder;
    }

    @Override
    public void close() throws Exception {
        if (mounted) {
            if (command("umount", folder.toString()) != 0) {
                command("umount", "-l", folder.toString());
            }
        } else {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static int command(String... args) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(args).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
