package dev.onramp.store;

import dev.onramp.testing.RequiredTool;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A session bus of its own with an unlocked GNOME Keyring on it, for a test class that talks to a real
 * Secret Service (held in a static {@code @RegisterExtension} field): started before its tests in a
 * temporary folder, stopped (both processes) after them. Without the tools the tests are skipped, except
 * on CI ({@code CI=true}), where .ci/run installs them and their absence fails.
 */
final class PrivateKeyring implements BeforeAllCallback, AfterAllCallback {
    private final List<Process> processes = new ArrayList<>();
    private Path dir;
    private String address = "";

    @Override
    public void beforeAll(ExtensionContext context) throws IOException, InterruptedException {
        RequiredTool.require("dbus-daemon", "dbus");
        RequiredTool.require("gnome-keyring-daemon", "gnome-keyring");
        dir = Files.createTempDirectory("onramp-keyring");
        Path home = Files.createDirectories(dir.resolve("home"));
        Path runtime = Files.createDirectories(dir.resolve("run"));
        Process bus = new ProcessBuilder("dbus-daemon", "--session", "--nofork", "--print-address=1",
                "--address=unix:path=" + dir.resolve("bus"))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        processes.add(bus);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(bus.getInputStream(), StandardCharsets.UTF_8))) {
            address = out.readLine();
        }
        ProcessBuilder daemon = new ProcessBuilder("gnome-keyring-daemon", "--foreground", "--unlock",
                "--components=secrets")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> env = daemon.environment();
        env.put("DBUS_SESSION_BUS_ADDRESS", address);
        env.put("HOME", home.toString());
        env.put("XDG_RUNTIME_DIR", runtime.toString());
        env.put("XDG_DATA_HOME", home.resolve("data").toString());
        Process keyring = daemon.start();
        // The keyring goes before the bus when they stop.
        processes.addFirst(keyring);
        // The login keyring's password, on standard input as --unlock wants it: a throwaway for a throwaway keyring.
        try (OutputStream in = keyring.getOutputStream()) {
            in.write("private-test-keyring".getBytes(StandardCharsets.UTF_8));
        }
        awaitAnswer(keyring);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException, InterruptedException {
        for (Process process : processes) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    String address() {
        return address;
    }

    /** The environment a process on this bus would have. */
    Map<String, String> environment() {
        return Map.of("DBUS_SESSION_BUS_ADDRESS", address);
    }

    private void awaitAnswer(Process keyring) throws InterruptedException {
        SecretServiceKeyring probe = new SecretServiceKeyring(address, dir, Duration.ofSeconds(2));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            try {
                probe.probe();
                return;
            } catch (KeyringUnavailableException e) {
                if (System.nanoTime() > deadline || !keyring.isAlive()) {
                    throw new AssertionError("GNOME Keyring did not come up on " + address + ": " + e.getMessage(), e);
                }
                Thread.sleep(100);
            }
        }
    }
}
