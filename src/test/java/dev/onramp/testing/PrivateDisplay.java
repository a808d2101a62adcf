package dev.onramp.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** An Xvfb display of the test's own, so a real window can open on a machine without a screen. */
public final class PrivateDisplay implements AutoCloseable {
    private final Process xvfb;
    private final String name;

    private PrivateDisplay(Process xvfb, String name) {
        this.xvfb = xvfb;
        this.name = name;
    }

    /** Starts Xvfb on a free display number, 1280×800; skips the test where it is missing, fails it on CI. */
    public static PrivateDisplay start() throws IOException {
        RequiredTool.require("Xvfb", "xvfb");
        Process xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String number = new BufferedReader(xvfb.inputReader(StandardCharsets.US_ASCII)).readLine();
        assertThat(number).as("Xvfb's display number").isNotBlank();
        return new PrivateDisplay(xvfb, ":" + number.strip());
    }

    /** The value for {@code DISPLAY}. */
    public String name() {
        return name;
    }

    @Override
    public void close() {
        xvfb.destroy();
    }
}
