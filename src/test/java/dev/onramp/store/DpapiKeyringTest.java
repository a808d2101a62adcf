package dev.onramp.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What of the Windows DPAPI key store can be checked off Windows: the DATA_BLOB layout handed to Crypt32
 * and that a system without Crypt32 is reported as unavailable. Wrapping a key needs Windows, which CI does
 * not run.
 */
class DpapiKeyringTest {
    @TempDir
    Path dir;

    @Test
    void dataBlob_hasTheWindowsX64Layout() {
        assertThat(DpapiKeyring.DATA_BLOB.byteSize()).isEqualTo(16);
        assertThat(DpapiKeyring.DATA_BLOB.byteOffset(MemoryLayout.PathElement.groupElement("pbData"))).isEqualTo(8);
    }

    @Test
    void dataBlob_pointsAtACopyOfTheBytes() {
        byte[] bytes = {9, 8, 7, 0, (byte) 0x80};
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment blob = DpapiKeyring.blob(arena, bytes);

            assertThat(blob.get(java.lang.foreign.ValueLayout.JAVA_INT, 0)).isEqualTo(bytes.length);
            assertThat(DpapiKeyring.bytesOf(blob)).isEqualTo(bytes);
        }
    }

    @Test
    void offWindows_probeSaysCrypt32CouldNotBeLoaded() {
        assumeFalse(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows"), "Off Windows");

        assertThatThrownBy(new DpapiKeyring(dir)::probe).isInstanceOf(KeyringUnavailableException.class)
                .hasMessageContaining("Crypt32.dll) could not be loaded");
    }

    @Test
    void noWrappedKeyYet_isEmptyWithoutCallingWindows() {
        assertThat(new DpapiKeyring(dir).load()).isEmpty();
    }

    @Test
    void delete_removesTheWrappedKeyFileAndThenFindsNothing() throws Exception {
        Path blob = Files.createDirectories(dir.resolve("keys")).resolve("onramp.kek.dpapi");
        Files.write(blob, new byte[] {1, 2, 3});

        assertThat(new DpapiKeyring(dir).delete()).isTrue();
        assertThat(blob).doesNotExist();
        assertThat(new DpapiKeyring(dir).delete()).isFalse();
    }
}
