package dev.onramp.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An Xvfb display of the test class's own, so a real window can open on a machine without a screen;
 * a test class holds it in a static {@code @RegisterExtension} field.
 */
public final class PrivateDisplay implements BeforeAllCallback, AfterAllCallback {
    private Optional<Process> xvfb = Optional.empty();
    private String name = "";

    /** Starts Xvfb on a free display number, 1280×800; skips the tests where it is missing, fails them on CI. */
    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        RequiredTool.require("Xvfb", "xvfb");
        Process server = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        xvfb = Optional.of(server);
        String number = new BufferedReader(server.inputReader(StandardCharsets.US_ASCII)).readLine();
        assertThat(number).as("Xvfb's display number").isNotBlank();
        name = ":" + number.strip();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        xvfb.ifPresent(Process::destroy);
    }

    /** The value for {@code DISPLAY}. */
    public String name() {
        return name;
    }
}
