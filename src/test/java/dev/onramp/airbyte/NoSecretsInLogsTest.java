package dev.onramp.airbyte;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.demo.AirbyteSimulator;
import dev.onramp.testing.RedirectCatcher;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A whole authorization through gateway and simulator writes no code, token or state to the log. */
class NoSecretsInLogsTest {
    private static final String SHOPIFY = "9da77001-af33-4bcd-be46-6252bf9342b9";

    @Test
    void fullShopifyFlow_logsNoCodeTokenOrState() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        String state;
        try (AirbyteSimulator simulator = AirbyteSimulator.start(Duration.ZERO);
                RedirectCatcher catcher = RedirectCatcher.start()) {
            ConfigApiGateway gateway = new ConfigApiGateway(simulator.apiBaseUrl(), Duration.ofSeconds(10));
            String workspace = simulator.workspaceId();
            AdvancedAuth auth = gateway.getSpecification(SHOPIFY, workspace).advancedAuth().orElseThrow();
            URI consent = gateway.getConsentUrl(SHOPIFY, workspace, catcher.redirectUri(), null);
            new ScriptedBrowser(Decision.ALLOW).open(consent);
            Map<String, String> callback = catcher.params().get(10, TimeUnit.SECONDS);
            state = callback.get("state");
            ObjectNode payload = gateway.completeOAuth(SHOPIFY, workspace, catcher.redirectUri(), callback, null);
            String sourceId = gateway.createSource(workspace, SHOPIFY, "Shopify",
                    AuthPayloadMerger.merge(new ObjectMapper().createObjectNode(), auth, payload));
            gateway.checkConnection(sourceId);
            gateway.deleteSource(sourceId);

            assertThat(simulator.issuedSecrets()).hasSize(2);
            assertThat(captured.list).isNotEmpty().allSatisfy(event -> {
                String line = event.getFormattedMessage() + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage());
                assertThat(line).doesNotContain(state);
                simulator.issuedSecrets().forEach(secret -> assertThat(line).doesNotContain(secret));
            });
        } finally {
            root.detachAppender(captured);
        }
    }
}
