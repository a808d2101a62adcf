package dev.onramp.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The log file in the data folder: where it is, what it masks, when it stops and how it rolls over. */
class FileLoggingTest {
    private static final Logger LOG = LoggerFactory.getLogger(FileLoggingTest.class);

    @TempDir
    Path dir;

    private Path logs() {
        return dir.resolve("logs");
    }

    private String logText() throws IOException {
        return Files.readString(logs().resolve(FileLogging.FILE_NAME));
    }

    @Test
    void loggedLine_landsInOnrampLogWithItsSecretsMasked() throws IOException {
        try (FileLogging logging = FileLogging.start(logs())) {
            LOG.info("Callback arrived with code={} and access_token={}", "c0de-123", "tok-456");
        }

        assertThat(logText()).contains("Callback arrived with code=[hidden] and access_token=[hidden]")
                .doesNotContain("c0de-123", "tok-456");
    }

    @Test
    void stackTrace_hasItsSecretsMaskedToo() throws IOException {
        try (FileLogging logging = FileLogging.start(logs())) {
            LOG.warn("Refresh failed", new IllegalStateException("provider refused refresh_token=rt-789"));
        }

        assertThat(logText()).contains("IllegalStateException: provider refused refresh_token=[hidden]")
                .doesNotContain("rt-789");
    }

    @Test
    void afterClose_nothingMoreIsWritten() throws IOException {
        try (FileLogging logging = FileLogging.start(logs())) {
            LOG.info("while open");
        }

        LOG.info("after close");

        assertThat(logText()).contains("while open").doesNotContain("after close");
    }

    @Test
    void startingAgainOnTheSameFolder_appendsToTheSameFile() throws IOException {
        try (FileLogging first = FileLogging.start(logs())) {
            LOG.info("first run");
        }
        try (FileLogging second = FileLogging.start(logs())) {
            LOG.info("second run");
        }

        assertThat(logText()).contains("first run", "second run");
    }

    @Test
    void fileOverFiveMegabytes_rollsOverToADatedNumberedFile() throws Exception {
        String tenKilobytes = "x".repeat(10 * 1024);
        try (FileLogging logging = FileLogging.start(logs())) {
            for (int i = 0; i < 600; i++) {
                LOG.info("filler {} {}", i, tenKilobytes);
            }
            // Logback looks at the file's size at most every few tens of milliseconds.
            Thread.sleep(200);
            LOG.info("the line after the roll-over");
        }

        List<String> names;
        try (Stream<Path> files = Files.list(logs())) {
            names = files.map(file -> file.getFileName().toString()).toList();
        }
        assertThat(names).contains(FileLogging.FILE_NAME).anyMatch(name -> name.matches("onramp\\.\\d{4}-\\d{2}-\\d{2}\\.0\\.log"));
        assertThat(logText()).contains("the line after the roll-over").hasSizeLessThan(1024 * 1024);
    }
}
