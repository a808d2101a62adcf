package dev.onramp.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Keychain through a stand-in for Apple's {@code security} tool that keeps the password in a file and
 * logs its command lines: what Onramp asks the tool, and that the key never goes on a command line. The
 * real Keychain needs macOS, which CI does not run.
 */
class MacKeychainTest {
    /** Answers the four commands Onramp uses the way the real tool does (44 = no such item). */
    private static final String STAND_IN = """
            #!/bin/sh
            here=$(dirname "$0")
            echo "$*" >> "$here/command-lines"
            case "$1" in
              show-keychain-info) exit 0 ;;
              find-generic-password) [ -f "$here/password" ] || exit 44; cat "$here/password"; echo; exit 0 ;;
              delete-generic-password) [ -f "$here/password" ] || exit 44; rm "$here/password"; exit 0 ;;
              -i) read -r line; echo "$line" > "$here/stdin"
                  set -- $line
                  while [ $# -gt 0 ]; do [ "$1" = -w ] && printf %s "$2" > "$here/password"; shift; done
                  exit 0 ;;
            esac
            exit 1
            """;
    private static final byte[] KEY = {1, 2, 3, 4, (byte) 0xfe, (byte) 0xff, 0, 42};

    @TempDir
    Path dir;

    private Path tool;
    private MacKeychain keychain;

    @BeforeEach
    void standInTool() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "The stand-in for the tool is a shell script");
        tool = dir.resolve("security");
        Files.writeString(tool, STAND_IN);
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwx------"));
        keychain = new MacKeychain(tool, dir.resolve("data"), Duration.ofSeconds(5));
    }

    @Test
    void storedKey_comesBackFromTheKeychain() {
        keychain.save(KEY);

        assertThat(keychain.load()).hasValue(KEY);
    }

    @Test
    void noItemYet_isEmpty() {
        assertThat(keychain.load()).isEmpty();
    }

    @Test
    void key_goesToTheToolOnStandardInputNeverOnACommandLine() throws Exception {
        keychain.save(KEY);
        keychain.load();

        String encoded = Base64.getEncoder().encodeToString(KEY);
        assertThat(Files.readString(dir.resolve("command-lines"))).doesNotContain(encoded);
        assertThat(Files.readString(dir.resolve("stdin"))).contains("-w " + encoded).contains("-U");
    }

    @Test
    void deletedKey_isGoneFromTheKeychain() {
        keychain.save(KEY);

        assertThat(keychain.delete()).isTrue();
        assertThat(keychain.load()).isEmpty();
    }

    @Test
    void deletingAMissingKey_isNoError() {
        assertThat(keychain.delete()).isFalse();
    }

    @Test
    void delete_namesTheServiceAndThisFoldersAccount() throws Exception {
        keychain.save(KEY);
        keychain.delete();

        assertThat(Files.readString(dir.resolve("command-lines"))).contains("delete-generic-password -s "
                + MacKeychain.SERVICE + " -a " + DataFolderId.of(dir.resolve("data")));
    }

    @Test
    void twoDataFolders_useDifferentAccounts() {
        MacKeychain other = new MacKeychain(tool, dir.resolve("other"), Duration.ofSeconds(5));

        assertThat(keychain.description()).isNotEqualTo(other.description());
    }

    @Test
    void missingTool_isUnavailableWithTheReason() {
        MacKeychain missing = new MacKeychain(dir.resolve("no-such-tool"), dir, Duration.ofSeconds(5));

        assertThatThrownBy(missing::probe).isInstanceOf(KeyringUnavailableException.class)
                .hasMessageContaining("is missing, so Onramp cannot reach the Keychain");
    }
}
