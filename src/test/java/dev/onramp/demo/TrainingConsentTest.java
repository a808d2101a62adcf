package dev.onramp.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.AppContext;
import dev.onramp.cli.CliEnvironment;
import dev.onramp.cli.OnrampCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training run's stand-in for the person at the browser: allows the simulator's consent page, opens nothing else. */
class TrainingConsentTest {
    @TempDir
    Path dataDir;

    @Test
    void demoConnect_isAllowedOnTheSimulatorsConsentPageAndConnects() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment env = new CliEnvironment(new PrintWriter(out, true), new PrintWriter(err, true),
                AppContext::start, options -> {
                    throw new AssertionError("no window in this test");
                }, new TrainingConsent());

        int exit = OnrampCommand.run(env, "--data-dir", dataDir.toString(), "connect", "hubspot");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Connected HubSpot");
    }

    @Test
    void aPageThatIsNotALocalConsentPage_isNotOpened() {
        TrainingConsent consent = new TrainingConsent();

        assertThat(consent.open(URI.create("https://app.hubspot.com/oauth/hubspot/authorize?state=x"))).isFalse();
        assertThat(consent.open(URI.create("http://127.0.0.1:8000/oauth/hubspot/decision"))).isFalse();
        assertThat(consent.open(URI.create("http://127.0.0.1:8000/api/v1/health"))).isFalse();
    }
}
