package dev.onramp.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bundled connectors resource: complete and consistent enough for every demo flow; and every other
 * connector of the catalog snapshot, each with what a generic demo needs.
 */
class DemoConnectorsTest {
    private final DemoConnectors bundled = DemoConnectors.bundled(new ObjectMapper());
    private final List<DemoConnector> connectors = bundled.handMade();

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

    @Test
    void everySnapshotConnector_isKnownWithTheHandMadeOnesWinningForTheirDefinitionIds() {
        List<DemoConnector> all = bundled.all();

        assertThat(all).hasSizeGreaterThanOrEqualTo(580);
        assertThat(all).extracting(DemoConnector::definitionId).doesNotHaveDuplicates();
        assertThat(all.subList(0, 20)).isEqualTo(connectors);
        connectors.forEach(own -> assertThat(bundled.byDefinitionId(own.definitionId())).containsSame(own));
        connectors.forEach(own -> assertThat(bundled.bySourceType(own.sourceType())).containsSame(own));
    }

    @Test
    void everySnapshotConnector_hasTwoToFourGenericStreamsAndOAuthOnesAConsentPage() {
        List<DemoConnector> generic = bundled.all().subList(20, bundled.all().size());

        assertThat(generic).allSatisfy(connector -> {
            assertThat(connector.connectionSpecification().path("type").asText()).isEqualTo("object");
            assertThat(connector.streams()).hasSizeBetween(2, 4);
            assertThat(connector.streams()).allSatisfy(stream -> {
                assertThat(stream.name()).matches("[a-z0-9_]+");
                assertThat(stream.fields()).containsKeys("id", "updated_at");
                assertThat(stream.cursorField()).hasValue("updated_at");
            });
            connector.oauth().ifPresent(oauth -> {
                assertThat(oauth.access()).first().isEqualTo("Read your " + connector.name() + " data");
                assertThat(oauth.outputPaths()).isNotEmpty();
                assertThat(oauth.account()).isNotBlank();
            });
        });
        assertThat(generic.stream().filter(c -> c.oauth().isPresent())).hasSizeGreaterThanOrEqualTo(30);
    }
}
