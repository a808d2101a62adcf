package dev.onramp.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.joran.spi.JoranException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The shipped logback.xml: the console shows only warnings, masked, so the command line's output stays clean. */
class LogbackConfigurationTest {
    @Test
    void shippedConsole_showsOnrampsWarningsMaskedAndNothingElse() throws JoranException {
        URL shipped = LogbackConfigurationTest.class.getClassLoader().getResource("logback.xml");
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(shipped);
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            context.getLogger("dev.onramp.connect.ConnectService").debug("debug line");
            context.getLogger("dev.onramp.connect.ConnectService").info("info line");
            context.getLogger("dev.onramp.connect.ConnectService").warn("warning with access_token={}", "tok-123");
            context.getLogger("org.flywaydb.core.Flyway").warn("library warning");
        } finally {
            System.setErr(original);
            context.stop();
        }

        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("warning with access_token=[hidden]")
                .doesNotContain("debug line", "info line", "library warning", "tok-123");
    }
}
