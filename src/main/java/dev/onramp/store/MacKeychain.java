package dev.onramp.store;

import dev.onramp.text.Text;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The key in the macOS login Keychain as a generic password (service "dev.onramp.key-encryption-key",
 * account = a hash of the data folder's path), written and read with Apple's {@code security} tool. The
 * key goes to the tool on its standard input ({@code security -i}), never on a command line other
 * processes can see. Onramp's CI runs on Linux: there this class is tested against a stand-in for the
 * tool, so the real Keychain is untested by CI.
 */
final class MacKeychain implements SystemKeyring {
    static final String TOOL = "/usr/bin/security";
    /** Without spaces, so the line {@code security -i} reads needs no quoting. */
    static final String SERVICE = "dev.onramp.key-encryption-key";
    private static final Text STORE = Text.of("store.keyring.mac.name");
    /** {@code security}'s exit status when no such item exists (errSecItemNotFound). */
    private static final int NOT_FOUND = 44;

    private final Path tool;
    private final String account;
    private final Duration timeout;

    MacKeychain(Path tool, Path dataDir, Duration timeout) {
        this.tool = tool;
        this.account = DataFolderId.of(dataDir);
        this.timeout = timeout;
    }

    @Override
    public void probe() {
        if (!Files.isExecutable(tool)) {
            throw new KeyringUnavailableException(Text.of("store.keyring.mac.noTool", tool.toString()));
        }
        Result result = run(List.of("show-keychain-info"), "");
        if (result.exit() != 0) {
            throw new KeyringUnavailableException(Text.of("store.keyring.mac.unavailable", result.error()));
        }
    }

    @Override
    public Optional<byte[]> load() {
        Result result = run(List.of("find-generic-password", "-s", SERVICE, "-a", account, "-w"), "");
        if (result.exit() == NOT_FOUND) {
            return Optional.empty();
        }
        if (result.exit() != 0) {
            throw new KeyringUnavailableException(Text.of("store.keyring.mac.notGiven", result.error()));
        }
        return Optional.of(Base64.getDecoder().decode(result.output().strip()));
    }

    @Override
    public void save(byte[] secret) {
        Result result = run(List.of("-i"), addCommand(secret));
        // The tool may print its prompt and notes; SystemKekStore reads the key back to know it arrived.
        if (result.exit() != 0) {
            throw new KeyringUnavailableException(Text.of("store.keyring.mac.notStored", result.error()));
        }
    }

    @Override
    public boolean delete() {
        Result result = run(List.of("delete-generic-password", "-s", SERVICE, "-a", account), "");
        if (result.exit() == NOT_FOUND) {
            return false;
        }
        if (result.exit() != 0) {
            throw new KeyringUnavailableException(Text.of("store.keyring.mac.notRemoved", result.error()));
        }
        return true;
    }

    @Override
    public Text described() {
        return Text.of("store.keyStore.macKeychain", SERVICE, account);
    }

    /** The line {@code security -i} reads: -U replaces an earlier key; base64 and the hex account need no quoting. */
    private String addCommand(byte[] secret) {
        return "add-generic-password -U -s " + SERVICE + " -a " + account + " -w "
                + Base64.getEncoder().encodeToString(secret) + "\n";
    }

    private Result run(List<String> arguments, String input) {
        return SystemKeyring.within(timeout, STORE, () -> {
            List<String> command = new ArrayList<>();
            command.add(tool.toString());
            command.addAll(arguments);
            Process process = new ProcessBuilder(command).start();
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            try (InputStream stdout = process.getInputStream(); InputStream stderr = process.getErrorStream()) {
                // The outputs are a line or two each, so reading one after the other cannot fill a pipe.
                String output = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
                String error = new String(stderr.readAllBytes(), StandardCharsets.UTF_8).strip();
                return new Result(process.waitFor(), output, error);
            } catch (IOException | InterruptedException e) {
                process.destroyForcibly();
                throw e;
            }
        });
    }

    /** What the tool printed and how it ended. */
    private record Result(int exit, String output, String error) {}
}
