package dev.onramp.tools.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.tools.catalog.CatalogGenerator.Curation;
import dev.onramp.tools.catalog.CatalogGenerator.Snapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog generator, on a small registry written here: what it keeps, skips, curates and writes. */
class CatalogGeneratorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> log = new ArrayList<>();
    private final CatalogGenerator generator = new CatalogGenerator(log::add);

    private static final String REGISTRY = """
            {"sources": [
              {"name": "Xero", "sourceDefinitionId": "6fd1e833-dd6e-45ec-a727-ab917c5be892",
               "dockerRepository": "airbyte/source-xero", "sourceType": "api", "supportLevel": "certified",
               "releaseStage": "generally_available", "documentationUrl": "https://docs.airbyte.com/integrations/sources/xero",
               "spec": {"connectionSpecification": {"type": "object", "required": ["tenant_id"],
                        "properties": {"tenant_id": {"type": "string"}}}}},
              {"name": "Acme Ads", "sourceDefinitionId": "11111111-2222-3333-4444-555555555555",
               "dockerRepository": "airbyte/source-acme-ads", "sourceType": "api", "supportLevel": "community",
               "releaseStage": "alpha", "documentationUrl": "https://docs.airbyte.com/integrations/sources/acme-ads",
               "suggestedStreams": {"streams": ["ad_groups"]},
               "spec": {"connectionSpecification": {"type": "object", "properties": {"credentials": {"type": "object"}}},
                        "advanced_auth": {"auth_flow_type": "oauth2.0", "predicate_key": ["credentials", "auth_type"],
                          "predicate_value": "OAuth", "oauth_config_specification": {
                            "complete_oauth_output_specification": {"properties": {"refresh_token":
                               {"type": "string", "path_in_connector_config": ["credentials", "refresh_token"]}}},
                            "complete_oauth_server_output_specification": {"properties": {"client_id":
                               {"type": "string", "path_in_connector_config": ["credentials", "client_id"]}}}}}}},
              {"name": "Broken", "sourceDefinitionId": "22222222-2222-3333-4444-555555555555",
               "dockerRepository": "airbyte/source-broken", "sourceType": "api",
               "spec": {"connectionSpecification": "not a schema"}},
              {"name": "Postgres", "sourceDefinitionId": "decd338e-5647-4c0b-adf4-da0e75f5a750",
               "dockerRepository": "airbyte/source-postgres", "sourceType": "database", "supportLevel": "certified",
               "spec": {"connectionSpecification": {"type": "object", "properties": {"host": {"type": "string"}}}}},
              {"name": "Xero copy", "sourceDefinitionId": "33333333-2222-3333-4444-555555555555",
               "dockerRepository": "someone/source-xero", "sourceType": "api",
               "spec": {"connectionSpecification": {"type": "object", "properties": {}}}}
            ]}""";

    @Test
    void everyConnectorWithASpecification_isIndexedByName_withItsRegistryFactsAndSpecification() throws IOException {
        Snapshot snapshot = generate(Map.of());

        assertThat(snapshot.index().path("connectors")).extracting(c -> c.path("id").asText())
                .containsExactly("acme-ads", "postgres", "xero", "xero-copy");
        JsonNode xero = connector(snapshot, "xero");
        assertThat(xero.path("definitionId").asText()).isEqualTo("6fd1e833-dd6e-45ec-a727-ab917c5be892");
        assertThat(xero.path("support").asText()).isEqualTo("certified");
        assertThat(xero.path("authMode").asText()).isEqualTo("CREDENTIALS");
        assertThat(xero.path("docs").asText()).endsWith("/sources/xero");
        assertThat(snapshot.specs().path("6fd1e833-dd6e-45ec-a727-ab917c5be892").path("required").get(0).asText())
                .isEqualTo("tenant_id");
    }

    @Test
    void aMalformedSpecification_isSkippedWithALogLine() throws IOException {
        Snapshot snapshot = generate(Map.of());

        assertThat(snapshot.index().toString()).doesNotContain("Broken");
        assertThat(log).anySatisfy(line -> assertThat(line).startsWith("Skipped Broken").contains("no properties object"));
    }

    @Test
    void advancedAuth_becomesOAuthFacts_andCloudSaysWhetherItSignsItIn() throws IOException {
        JsonNode acme = connector(generate(Map.of()), "acme-ads");

        assertThat(acme.path("authMode").asText()).isEqualTo("OAUTH");
        assertThat(acme.path("cloudOAuth").asBoolean()).isTrue();
        assertThat(acme.path("oauth").path("predicateKey").toString()).isEqualTo("[\"credentials\",\"auth_type\"]");
        assertThat(acme.path("oauth").path("outputPaths").path("refresh_token").toString())
                .isEqualTo("[\"credentials\",\"refresh_token\"]");
        assertThat(acme.path("oauth").path("serverOutputPaths").has("client_id")).isTrue();
    }

    @Test
    void uncuratedConnectors_fallUnderANameRuleOrOther_withAPlainSummaryAndTheirSuggestedStreamsAsKeywords()
            throws IOException {
        Snapshot snapshot = generate(Map.of());

        assertThat(connector(snapshot, "acme-ads").path("category").asText()).isEqualTo("Advertising");
        assertThat(connector(snapshot, "acme-ads").path("keywords").toString()).contains("ad groups");
        assertThat(connector(snapshot, "postgres").path("category").asText()).isEqualTo("Files & databases");
        assertThat(connector(snapshot, "postgres").path("summary").asText()).isEqualTo("Tables from a Postgres database");
        assertThat(connector(snapshot, "xero").path("category").asText()).isEqualTo("Other");
        assertThat(connector(snapshot, "xero").path("summary").asText()).isEqualTo("Data from your Xero account");
    }

    @Test
    void curation_givesCategoryKeywordsAndSummary() throws IOException {
        Map<String, Curation> curation = CatalogGenerator.readCuration(List.of(
                "# comment", "", "xero\tAccounting\tInvoices, bills ,bank transactions\tInvoices, bills and bank transactions"));

        JsonNode xero = connector(generate(curation), "xero");

        assertThat(xero.path("category").asText()).isEqualTo("Accounting");
        assertThat(xero.path("keywords").toString()).isEqualTo("[\"invoices\",\"bills\",\"bank transactions\"]");
        assertThat(xero.path("summary").asText()).isEqualTo("Invoices, bills and bank transactions");
    }

    @Test
    void curationOfAConnectorTheRegistryLacks_orWithAnUnknownCategory_isRefused() {
        assertThatThrownBy(() -> generate(CatalogGenerator.readCuration(List.of("myspace\tCRM\tfriends\t"))))
                .hasMessageContaining("the registry lacks: [myspace]");
        assertThatThrownBy(() -> CatalogGenerator.readCuration(List.of("xero\tBookkeeping\tinvoices\t")))
                .hasMessage("curation line 1 has the unknown category Bookkeeping");
        assertThatThrownBy(() -> CatalogGenerator.readCuration(List.of("xero\tAccounting\ta", "xero\tAccounting\tb")))
                .hasMessage("curation line 2 names xero a second time");
    }

    @Test
    void theWrittenFiles_areGzippedJsonThatReadsBack_andTheSameInputWritesTheSameBytes(@TempDir Path dir)
            throws IOException {
        Snapshot snapshot = generate(Map.of());
        CatalogGenerator.writeGzip(snapshot.index(), dir.resolve("a.json.gz"));
        CatalogGenerator.writeGzip(generate(Map.of()).index(), dir.resolve("b.json.gz"));

        try (var in = new GZIPInputStream(Files.newInputStream(dir.resolve("a.json.gz")))) {
            assertThat(JSON.readTree(in)).isEqualTo(snapshot.index());
        }
        assertThat(Files.readAllBytes(dir.resolve("a.json.gz"))).isEqualTo(Files.readAllBytes(dir.resolve("b.json.gz")));
    }

    private Snapshot generate(Map<String, Curation> curation) throws IOException {
        return generator.generate(JSON.readTree(REGISTRY), Set.of("acme-ads"), curation, "test registry");
    }

    private static JsonNode connector(Snapshot snapshot, String id) {
        for (JsonNode connector : snapshot.index().path("connectors")) {
            if (connector.path("id").asText().equals(id)) {
                return connector;
            }
        }
        throw new AssertionError("no connector " + id + " in " + ((ObjectNode) snapshot.index()).path("connectors"));
    }
}
