package dev.onramp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.AppContext;
import dev.onramp.airbyte.ConfigApiGateway;
import dev.onramp.demo.AirbyteSimulator;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code onramp connect PROVIDER --reauthorize} in-process, against one simulator that outlives each run. */
class ReconnectCommandLineTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern SOURCE = Pattern.compile("onnected HubSpot: source ([0-9a-f-]{36})");

    @TempDir
    Path dataDir;

    private final AirbyteSimulator simulator = AirbyteSimulator.start(Duration.ZERO);
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void stop() {
        simulator.close();
    }

    private CompletableFuture<Integer> run(String... args) {
        CliEnvironment env = new CliEnvironment(new PrintWriter(out, true), new PrintWriter(err, true),
                AppContext::start, options -> {
                    throw new AssertionError("no window in this test");
                }, url -> {
                    throw new AssertionError("--no-browser must not open the browser");
                });
        String[] all = new String[args.length + 4];
        all[0] = "--data-dir";
        all[1] = dataDir.toString();
        all[2] = "--airbyte-url";
        all[3] = simulator.apiBaseUrl().toString();
        System.arraycopy(args, 0, all, 4, args.length);
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> exit.complete(OnrampCommand.run(env, all)));
        return exit;
    }

    private String connectAllowed(String... args) throws Exception {
        out.getBuffer().setLength(0);
        CompletableFuture<Integer> exit = run(args);
        ScriptedBrowser browser = new ScriptedBrowser(Decision.ALLOW);
        browser.open(awaitPrintedLink());
        browser.awaitVisit(WAIT);
        assertThat(exit.get(WAIT.toSeconds(), TimeUnit.SECONDS)).as(err.toString()).isZero();
        Matcher source = SOURCE.matcher(out.toString());
        assertThat(source.find()).as(out.toString()).isTrue();
        return source.group(1);
    }

    private URI awaitPrintedLink() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> link = out.toString().lines().filter(l -> l.startsWith("http://")).findFirst();
            if (link.isPresent()) {
                return URI.create(link.get());
            }
            Thread.sleep(20);
        }
        throw new AssertionError("No consent link printed; output so far:\n" + out + err);
    }

    @Test
    void reauthorize_signsTheExpiredConnectionInAgainUnderTheSameSource() throws Exception {
        String sourceId = connectAllowed("connect", "hubspot", "--no-browser");
        simulator.expireSourceTokens(sourceId);

        String reconnected = connectAllowed("connect", "hubspot", "--reauthorize", "--no-browser");

        assertThat(reconnected).isEqualTo(sourceId);
        assertThat(out.toString()).startsWith("Reconnecting HubSpot for ").contains("Reconnected HubSpot", "  contacts");
        assertThat(simulator.sourceIds()).containsExactly(sourceId);
        assertThat(new ConfigApiGateway(simulator.apiBaseUrl(), WAIT).checkConnection(sourceId).succeeded()).isTrue();
    }

    @Test
    void reauthorizeWithoutAConnection_exitsNonZeroSayingToConnectFirst() throws Exception {
        int exit = run("connect", "hubspot", "--reauthorize", "--no-browser").get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(exit).isEqualTo(OnrampCommand.FAILED);
        assertThat(err.toString()).contains("has no HubSpot connection to reauthorize", "onramp connect hubspot");
    }
}
