package dev.onramp.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onramp.airbyte.ConfigApiGateway;
import dev.onramp.demo.AirbyteSimulator;
import dev.onramp.testing.ScriptedBrowser.Decision;
import dev.onramp.testing.ScriptedBrowser.Visit;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The scripted person at the browser, against the simulator's consent pages. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScriptedBrowserTest {
    private static final String HUBSPOT = "36c891d9-4bd9-43ac-bad2-10e12756272c";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final AirbyteSimulator simulator = AirbyteSimulator.start(Duration.ZERO);
    private final ConfigApiGateway gateway = new ConfigApiGateway(simulator.apiBaseUrl(), WAIT);

    @AfterAll
    void stop() {
        simulator.close();
    }

    @Test
    void allow_followsTheRedirectToTheTargetAndRecordsItsAnswer() throws Exception {
        try (RedirectCatcher catcher = RedirectCatcher.start()) {
            URI consent = gateway.getConsentUrl(HUBSPOT, simulator.workspaceId(), catcher.redirectUri(), null);
            ScriptedBrowser browser = new ScriptedBrowser(Decision.ALLOW);

            assertThat(browser.open(consent)).isTrue();
            Visit visit = browser.awaitVisit(WAIT);

            assertThat(visit.consentUrl()).isEqualTo(consent);
            assertThat(visit.redirectTarget().getPath()).isEqualTo("/oauth-success");
            assertThat(visit.redirectTarget().getQuery()).contains("code=");
            assertThat(visit.finalStatus()).isEqualTo(200);
            assertThat(visit.finalBody()).contains("you can close this tab");
            assertThat(catcher.params().get(5, TimeUnit.SECONDS)).containsKey("code");
            assertThat(browser.openedUrls()).containsExactly(consent);
        }
    }

    @Test
    void deny_bringsTheErrorToTheTarget() throws Exception {
        try (RedirectCatcher catcher = RedirectCatcher.start()) {
            ScriptedBrowser browser = new ScriptedBrowser(Decision.DENY);

            browser.open(gateway.getConsentUrl(HUBSPOT, simulator.workspaceId(), catcher.redirectUri(), null));

            assertThat(browser.awaitVisit(WAIT).redirectTarget().getQuery()).contains("error=access_denied");
            assertThat(catcher.params().get(5, TimeUnit.SECONDS)).containsEntry("error", "access_denied");
        }
    }

    @Test
    void consentPageThatRefusesTheLink_failsTheVisitWithTheReason() {
        URI consent = gateway.getConsentUrl(HUBSPOT, simulator.workspaceId(), URI.create("http://127.0.0.1:45678/oauth-success"), null);
        URI forged = URI.create(consent.toString().replaceAll("state=[a-zA-Z]+", "state=zzzzzzz"));
        ScriptedBrowser browser = new ScriptedBrowser(Decision.ALLOW);

        browser.open(forged);

        assertThatThrownBy(() -> browser.awaitVisit(WAIT))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("The consent page answered HTTP 400")
                .hasMessageContaining("This authorization request is not valid");
    }

    @Test
    void awaitingABrowserNobodyOpened_failsAfterTheTimeout() {
        ScriptedBrowser browser = new ScriptedBrowser(Decision.ALLOW);

        assertThatThrownBy(() -> browser.awaitVisit(Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Nobody opened the scripted browser");
    }
}
