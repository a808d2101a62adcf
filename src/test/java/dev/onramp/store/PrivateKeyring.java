package dev.onramp.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A session bus of its own with an unlocked GNOME Keyring on it, for tests that talk to a real Secret
 * Service: started in a folder of the test's, stopped (both processes) on close. Without the tools the
 * test is skipped, except on CI ({@code CI=true}), where .ci/run installs them and their absence fails.
 */
final class PrivateKeyring implements AutoCloseable {
    private static final List<String> TOOLS = List.of("dbus-daemon", "gnome-keyring-daemon");

    private final Process bus;
    private final Process keyring;
    private final String address;

    private PrivateKeyring(Process bus, Process keyring, String address) {
        this.bus = bus;
        this.keyring = keyring;
        this.address = address;
    }

    /** Starts the bus and an unlocked keyring under {@code dir}; skips or fails the test when they are not installed. */
    static PrivateKeyring start(Path dir) throws IOException, InterruptedException {
        List<String> missing = TOOLS.stream().filter(tool -> onPath(tool).isEmpty()).toList();
        if (!missing.isEmpty()) {
            String message = "Not installed: " + missing + " (packages dbus and gnome-keyring; .ci/run installs them)";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(message);
            }
            assumeTrue(false, message);
        }
        Path home = Files.createDirectories(dir.resolve("home"));
        Path runtime = Files.createDirectories(dir.resolve("run"));
        Process bus = new ProcessBuilder(onPath("dbus-daemon").orElseThrow().toString(), "--session", "--nofork",
                "--print-address=1", "--address=unix:path=" + dir.resolve("bus"))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String address;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(bus.getInputStream(), StandardCharsets.UTF_8))) {
            address = out.readLine();
        }
        ProcessBuilder daemon = new ProcessBuilder(onPath("gnome-keyring-daemon").orElseThrow().toString(),
                "--foreground", "--unlock", "--components=secrets")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> env = daemon.environment();
        env.put("DBUS_SESSION_BUS_ADDRESS", address);
        env.put("HOME", home.toString());
        env.put("XDG_RUNTIME_DIR", runtime.toString());
        env.put("XDG_DATA_HOME", home.resolve("data").toString());
        Process keyring = daemon.start();
        // The login keyring's password, on standard input as --unlock wants it: a throwaway for a throwaway keyring.
        try (OutputStream in = keyring.getOutputStream()) {
            in.write("private-test-keyring".getBytes(StandardCharsets.UTF_8));
        }
        PrivateKeyring started = new PrivateKeyring(bus, keyring, address);
        started.awaitAnswer(dir);
        return started;
    }

    String address() {
        return address;
    }

    /** The environment a process on this bus would have. */
    Map<String, String> environment() {
        return Map.of("DBUS_SESSION_BUS_ADDRESS", address);
    }

    @Override
    public void close() throws InterruptedException {
        for (Process process : List.of(keyring, bus)) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private void awaitAnswer(Path dir) throws InterruptedException {
        SecretServiceKeyring probe = new SecretServiceKeyring(address, dir, Duration.ofSeconds(2));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            try {
                probe.probe();
                return;
            } catch (KeyringUnavailableException e) {
                if (System.nanoTime() > deadline || !keyring.isAlive()) {
                    close();
                    throw new AssertionError("GNOME Keyring did not come up on " + address + ": " + e.getMessage(), e);
                }
                Thread.sleep(100);
            }
        }
    }

    private static java.util.Optional<Path> onPath(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(java.io.File.pathSeparator))
                .map(folder -> Path.of(folder, tool)).filter(Files::isExecutable).findFirst();
    }
}
