package dev.onramp.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bundled connectors resource: complete and consistent enough for every demo flow. */
class DemoConnectorsTest {
    private final List<DemoConnector> connectors = DemoConnectors.bundled(new ObjectMapper()).all();

    @Test
    void bundlesTwentyConnectors() {
        assertThat(connectors).hasSize(20);
        assertThat(connectors).extracting(DemoConnector::name)
                .contains("Shopify", "Stripe", "HubSpot", "Salesforce", "Google Analytics 4 (GA4)");
    }

    @Test
    void everyConnector_hasFiveToTwelveStreamsWithSyncModes() {
        assertThat(connectors).allSatisfy(connector -> {
            assertThat(connector.streams()).hasSizeBetween(5, 12);
            assertThat(connector.streams()).allSatisfy(stream -> {
                assertThat(stream.syncModes()).contains("full_refresh");
                assertThat(stream.fields()).isNotEmpty();
                stream.cursorField().ifPresent(cursor -> assertThat(stream.fields()).containsKey(cursor));
            });
        });
    }

    @Test
    void everyOAuthConnector_saysWhatItsConsentPageAsksForAndWhereTokensGo() {
        List<DemoConnector> oauth = connectors.stream().filter(c -> c.oauth().isPresent()).toList();

        assertThat(oauth).hasSize(14);
        assertThat(oauth).allSatisfy(connector -> {
            DemoConnector.OAuth facts = connector.oauth().orElseThrow();
            assertThat(facts.access()).isNotEmpty();
            assertThat(facts.scopes()).isNotEmpty();
            assertThat(facts.outputPaths()).isNotEmpty();
        });
    }

    @Test
    void connectorsWithoutAirbyteOAuth_areTheCredentialOnes() {
        assertThat(connectors.stream().filter(c -> c.oauth().isEmpty()).map(DemoConnector::name))
                .containsExactlyInAnyOrder("Stripe", "QuickBooks", "Klaviyo", "Square", "Xero", "Pipedrive");
    }
}
