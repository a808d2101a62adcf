package dev.onramp.airbyte;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.catalog.Catalog;
import dev.onramp.demo.AirbyteSimulator;
import dev.onramp.demo.Fault;
import dev.onramp.model.AirbyteSettings;
import dev.onramp.model.Provider;
import dev.onramp.testing.BundledSpecs;
import dev.onramp.testing.CloudConsent;
import dev.onramp.testing.RedirectCatcher;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A whole authorization through gateway and simulator, in either flavour, writes no code, token, state or nonce to the log. */
class NoSecretsInLogsTest {
    private static final String HUBSPOT = "36c891d9-4bd9-43ac-bad2-10e12756272c";

    @Test
    void fullHubSpotFlow_logsNoCodeTokenOrState() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        String state;
        try (AirbyteSimulator simulator = AirbyteSimulator.start(Duration.ZERO);
                RedirectCatcher catcher = RedirectCatcher.start()) {
            ConfigApiGateway gateway = new ConfigApiGateway(simulator.apiBaseUrl(), Duration.ofSeconds(10));
            String workspace = simulator.workspaceId();
            AdvancedAuth auth = gateway.getSpecification(HUBSPOT, workspace).advancedAuth().orElseThrow();
            URI consent = gateway.getConsentUrl(HUBSPOT, workspace, catcher.redirectUri(), null);
            new ScriptedBrowser(Decision.ALLOW).open(consent);
            Map<String, String> callback = catcher.params().get(10, TimeUnit.SECONDS);
            state = callback.get("state");
            ObjectNode payload = gateway.completeOAuth(HUBSPOT, workspace, catcher.redirectUri(), callback, null);
            String sourceId = gateway.createSource(workspace, HUBSPOT, "HubSpot",
                    AuthPayloadMerger.merge(new ObjectMapper().createObjectNode(), auth, payload));
            gateway.checkConnection(sourceId);
            gateway.deleteSource(sourceId);

            assertThat(simulator.issuedSecrets()).hasSize(2);
            List<ILoggingEvent> lines;
            synchronized (captured) {
                // The simulator's threads may still be logging; appends hold the appender's lock.
                lines = new ArrayList<>(captured.list);
            }
            assertThat(lines).isNotEmpty().allSatisfy(event -> {
                String line = event.getFormattedMessage() + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage());
                assertThat(line).doesNotContain(state);
                simulator.issuedSecrets().forEach(secret -> assertThat(line).doesNotContain(secret));
            });
        } finally {
            root.detachAppender(captured);
        }
    }

    @Test
    void fullCloudFlowWithRetries_logsNoTokenSecretIdClientSecretOrNonce() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        String nonce = "bm9uY2Utb2YtdGhpcy1mbG93LXRoYXQtbXVzdC1zdGF5LXNlY3JldA";
        try (AirbyteSimulator simulator = AirbyteSimulator.start(Duration.ZERO)) {
            Provider hubspot = Catalog.bundled().provider("hubspot").orElseThrow();
            AirbyteSettings.Cloud target = new AirbyteSettings.Cloud(simulator.publicApiBaseUrl(), simulator.cloudClientId(),
                    simulator.cloudClientSecret(), simulator.workspaceId(), URI.create(""));
            PublicApiGateway gateway = new PublicApiGateway(target, new CallPolicy(Duration.ofSeconds(10), RetryPolicy.STANDARD,
                    Clock.systemUTC(), wait -> {}, new SplittableRandom(2)), ConnectorNames.NONE, BundledSpecs.shipped());
            simulator.faults().arm(Fault.expiredToken().on("POST /v1/sources"));
            simulator.faults().arm(Fault.tooManyRequests(Duration.ofSeconds(1)).on("/v1/streams"));
            URI relay = URI.create("https://relay.example.com/?port=45678&nonce=" + nonce);
            URI consent = gateway.initiateOAuth(hubspot, simulator.workspaceId(), relay, new ObjectMapper().createObjectNode());
            String secretId = new CloudConsent().allow(consent).query().get("secret_id");
            ObjectNode configuration = new ObjectMapper().createObjectNode();
            configuration.putObject("credentials").put("credentials_title", "OAuth Credentials");
            String sourceId = gateway.createSource(simulator.workspaceId(), hubspot, "HubSpot", configuration, secretId);
            gateway.checkConnection(sourceId);
            gateway.discoverStreams(sourceId);
            gateway.deleteSource(sourceId);

            assertThat(simulator.issuedSecrets()).contains(secretId).hasSizeGreaterThan(3);
            List<ILoggingEvent> lines;
            synchronized (captured) {
                // The simulator's threads may still be logging; appends hold the appender's lock.
                lines = new ArrayList<>(captured.list);
            }
            assertThat(lines).isNotEmpty().allSatisfy(event -> {
                String line = event.getFormattedMessage() + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage());
                assertThat(line).doesNotContain(nonce).doesNotContain(simulator.cloudClientSecret());
                simulator.issuedSecrets().forEach(secret -> assertThat(line).doesNotContain(secret));
            });
        } finally {
            root.detachAppender(captured);
        }
    }
}
