package dev.onramp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.airbyte.ConfigApiGateway;
import dev.onramp.demo.AirbyteSimulator;
import dev.onramp.testing.CommandLineRunner;
import dev.onramp.testing.ScriptedBrowser.Decision;
import dev.onramp.testing.ScriptedBrowser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code onramp connect PROVIDER --reauthorize} in-process, against one simulator that outlives each run. */
class ReconnectCommandLineTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern SOURCE = Pattern.compile("onnected HubSpot: source ([0-9a-f-]{36})");

    @TempDir
    Path dataDir;

    private final AirbyteSimulator simulator = AirbyteSimulator.start(Duration.ZERO);
    private CommandLineRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CommandLineRunner("--data-dir", dataDir.toString(), "--airbyte-url",
                simulator.apiBaseUrl().toString());
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private String connectAllowed(String... args) throws Exception {
        cli.clearOut();
        CompletableFuture<Integer> exit = cli.start(args);
        ScriptedBrowser browser = new ScriptedBrowser(Decision.ALLOW);
        browser.open(cli.awaitPrintedLink(WAIT));
        browser.awaitVisit(WAIT);
        assertThat(exit.get(WAIT.toSeconds(), TimeUnit.SECONDS)).as(cli.err()).isZero();
        Matcher source = SOURCE.matcher(cli.out());
        assertThat(source.find()).as(cli.out()).isTrue();
        return source.group(1);
    }

    @Test
    void reauthorize_signsTheExpiredConnectionInAgainUnderTheSameSource() throws Exception {
        String sourceId = connectAllowed("connect", "hubspot", "--no-browser");
        simulator.expireSourceTokens(sourceId);

        String reconnected = connectAllowed("connect", "hubspot", "--reauthorize", "--no-browser");

        assertThat(reconnected).isEqualTo(sourceId);
        assertThat(cli.out()).startsWith("Reconnecting HubSpot for ").contains("Reconnected HubSpot", "  contacts");
        assertThat(simulator.sourceIds()).containsExactly(sourceId);
        assertThat(new ConfigApiGateway(simulator.apiBaseUrl(), WAIT).checkConnection(sourceId).succeeded()).isTrue();
    }

    @Test
    void reauthorizeWithoutAConnection_exitsNonZeroSayingToConnectFirst() throws Exception {
        int exit = cli.start("connect", "hubspot", "--reauthorize", "--no-browser").get(WAIT.toSeconds(),
                TimeUnit.SECONDS);

        assertThat(exit).isEqualTo(OnrampCommand.FAILED);
        assertThat(cli.err()).contains("has no HubSpot connection to reauthorize", "onramp connect hubspot");
    }
}
