package dev.onramp.demo;

import static dev.onramp.demo.SimulatorSteps.REDIRECT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onramp.demo.WireClient.Answer;
import dev.onramp.testing.CloudConsent;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Connectors of the bundled catalog snapshot that the simulator has no hand-made page for, on the wire:
 * their whole specification is served and enforced as Airbyte enforces it, sources of them are made,
 * tested and discovered with generic streams, and both APIs list or sign them in as Airbyte does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryConnectorSimulatorTest {
    /** Salesloft: a required start date, and a required credentials oneOf (OAuth or API key). */
    private static final String SALESLOFT = "41991d12-d4b5-439e-afd0-260a31d4c53f";
    /** Typeform: OAuth (brokered by Cloud), whose outputs include the token's expiry as a date-time. */
    private static final String TYPEFORM = "e7eff203-90bf-43e5-a240-19ea3056c474";
    private static final String RELAY = "https://relay.example.com/onramp/?port=45678&nonce=abc";
    private static final Set<String> RELEASE_STAGES = Set.of("alpha", "beta", "generally_available", "custom");
    private static final Set<String> SUPPORT_LEVELS = Set.of("community", "certified", "archived", "none");
    private static final Set<String> SOURCE_TYPES = Set.of("api", "file", "database", "custom");

    private final AirbyteSimulator simulator = AirbyteSimulator.start(Duration.ZERO);
    private final WireClient wire = new WireClient(simulator.apiBaseUrl());
    private final SimulatorSteps steps = new SimulatorSteps(simulator, wire);
    private final ObjectMapper json = new ObjectMapper();

    @AfterAll
    void stop() {
        simulator.close();
    }

    private static Map<String, Object> salesloft(Map<String, Object> credentials) {
        return Map.of("start_date", "2024-01-01T00:00:00Z", "credentials", credentials);
    }

    @Test
    void aConnectorWithoutAHandMadePage_hasItsWholeSpecificationFromTheSnapshot() {
        JsonNode spec = steps.specification(SALESLOFT);

        JsonNode connection = spec.path("connectionSpecification");
        assertThat(connection.path("required")).extracting(JsonNode::asText).containsExactly("credentials", "start_date");
        assertThat(connection.path("properties").path("credentials").path("oneOf")).hasSize(2);
        assertThat(connection.path("properties").path("start_date").path("pattern").asText()).isNotBlank();
        assertThat(spec.path("documentationUrl").asText()).isEqualTo("https://docs.airbyte.com/integrations/sources/salesloft");
        assertThat(spec.has("advancedAuth")).as("Salesloft does not sign in through Airbyte's OAuth").isFalse();
    }

    @Test
    void aConfigurationWithoutATopLevelRequiredField_isRefusedWith422NamingIt() {
        Set<String> before = simulator.sourceIds();
        Answer answer = steps.createSource(SALESLOFT,
                Map.of("credentials", Map.of("auth_type", "api_key", "api_key", "sl_live_0123456789abcdef")));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.text()).contains("start_date");
        assertThat(simulator.sourceIds()).isEqualTo(before);
    }

    @Test
    void aConfigurationWithoutARequiredFieldOfTheChosenOption_isRefusedWith422NamingIt() {
        Set<String> before = simulator.sourceIds();
        Answer answer = steps.createSource(SALESLOFT, salesloft(Map.of("auth_type", "api_key")));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.text()).contains("credentials.api_key");
        assertThat(simulator.sourceIds()).isEqualTo(before);
    }

    @Test
    void aDateThatDoesNotFitTheSpecificationsPattern_isRefusedWith422() {
        Answer answer = steps.createSource(SALESLOFT, Map.of("start_date", "1 January 2024",
                "credentials", Map.of("auth_type", "api_key", "api_key", "sl_live_0123456789abcdef")));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.text()).contains("start_date");
    }

    @Test
    void aCompleteConfiguration_makesASourceThatPassesItsTestAndOffersStreamsMadeFromTheConnectorsKeywords() {
        Answer created = steps.createSource(SALESLOFT,
                salesloft(Map.of("auth_type", "api_key", "api_key", "sl_live_0123456789abcdef")));
        assertThat(created.status()).isEqualTo(200);
        String sourceId = created.json().path("sourceId").asText();
        assertThat(created.json().path("sourceName").asText()).isEqualTo("Salesloft");
        assertThat(created.json().path("connectionConfiguration").path("credentials").path("api_key").asText())
                .isEqualTo(ConfigurationRules.SECRET_MASK);

        Answer check = wire.post("sources/check_connection", Map.of("sourceId", sourceId));
        assertThat(check.json().path("status").asText()).isEqualTo("succeeded");

        Answer discovered = wire.post("sources/discover_schema", Map.of("sourceId", sourceId));
        assertThat(discovered.status()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        for (JsonNode entry : discovered.json().path("catalog").path("streams")) {
            names.add(entry.path("stream").path("name").asText());
            JsonNode stream = entry.path("stream");
            assertThat(stream.path("jsonSchema").path("properties").properties()).extracting(Map.Entry::getKey)
                    .containsExactly("id", "name", "created_at", "updated_at");
            assertThat(stream.path("supportedSyncModes")).extracting(JsonNode::asText).containsExactly("full_refresh", "incremental");
            assertThat(stream.path("sourceDefinedPrimaryKey").toString()).isEqualTo("[[\"id\"]]");
            assertThat(stream.path("defaultCursorField")).extracting(JsonNode::asText).containsExactly("updated_at");
        }
        assertThat(names).containsExactly("cadences", "people", "accounts", "calls");
    }

    @Test
    void aSecretLeftAtTheSpecificationsOwnDefault_passesTheSourcesTest() {
        // Onfleet's "Placeholder Password" defaults to "x", which its connector expects; a short secret of one's own fails.
        String onfleet = "e4285e7f-ee6c-4b8b-b231-746c9640164e";
        String withDefault = steps.createSource(onfleet, Map.of("api_key", "onfleet_0123456789abcdef", "password", "x"))
                .json().path("sourceId").asText();
        String withShort = steps.createSource(onfleet, Map.of("api_key", "onfleet_0123456789abcdef", "password", "y"))
                .json().path("sourceId").asText();

        assertThat(wire.post("sources/check_connection", Map.of("sourceId", withDefault)).json().path("status").asText())
                .isEqualTo("succeeded");
        assertThat(wire.post("sources/check_connection", Map.of("sourceId", withShort)).json().path("status").asText())
                .isEqualTo("failed");
    }

    @Test
    void aConnectorWithoutKeywords_getsRecordsAndUsersStreamsNamedAfterIt() {
        List<DemoConnector.Stream> streams = GenericConnector.streams("100ms", List.of());

        assertThat(streams).extracting(DemoConnector.Stream::name).containsExactly("100ms_records", "100ms_users");
    }

    @Test
    void listForWorkspace_listsEverySnapshotDefinitionInTheShapeOfSourceDefinitionRead() {
        Answer answer = wire.post("source_definitions/list_for_workspace", Map.of("workspaceId", simulator.workspaceId()));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode list = answer.json().path("sourceDefinitions");
        assertThat(list.size()).isGreaterThanOrEqualTo(550);
        Set<String> ids = new HashSet<>();
        for (JsonNode read : list) {
            assertThat(ids.add(read.path("sourceDefinitionId").asText())).as("listed once: %s", read).isTrue();
            for (String required : List.of("sourceDefinitionId", "name", "dockerRepository", "dockerImageTag")) {
                assertThat(read.path(required).asText()).as("%s of %s", required, read.path("name")).isNotBlank();
            }
            assertThat(read.path("dockerRepository").asText()).startsWith("airbyte/source-");
            assertThat(URI.create(read.path("documentationUrl").asText()).isAbsolute()).isTrue();
            assertThat(read.path("releaseStage").asText()).isIn(RELEASE_STAGES);
            assertThat(read.path("supportLevel").asText()).isIn(SUPPORT_LEVELS);
            assertThat(read.path("sourceType").asText()).isIn(SOURCE_TYPES);
            assertThat(read.path("custom").asBoolean(true)).isFalse();
        }
        assertThat(ids).contains(SimulatorSteps.SHOPIFY, SimulatorSteps.HUBSPOT, SimulatorSteps.STRIPE, SALESLOFT, TYPEFORM);
        JsonNode salesloft = definition(list, SALESLOFT);
        assertThat(salesloft.path("name").asText()).isEqualTo("Salesloft");
        assertThat(salesloft.path("dockerRepository").asText()).isEqualTo("airbyte/source-salesloft");
        assertThat(salesloft.path("dockerImageTag").asText()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(definition(list, SimulatorSteps.SHOPIFY).path("name").asText()).isEqualTo("Shopify");
    }

    @Test
    void listForWorkspaceFilteredByUse_listsOnlyTheConnectorsTheWorkspaceHasSourcesOf() {
        try (AirbyteSimulator fresh = AirbyteSimulator.start(Duration.ZERO)) {
            WireClient freshWire = new WireClient(fresh.apiBaseUrl());
            new SimulatorSteps(fresh, freshWire).createSource(SALESLOFT,
                    salesloft(Map.of("auth_type", "api_key", "api_key", "sl_live_0123456789abcdef")));

            Answer answer = freshWire.post("source_definitions/list_for_workspace",
                    Map.of("workspaceId", fresh.workspaceId(), "filterByUsed", true));

            assertThat(answer.json().path("sourceDefinitions")).extracting(read -> read.path("sourceDefinitionId").asText())
                    .containsExactly(SALESLOFT);
        }
    }

    @Test
    void listForAnUnknownWorkspace_isNotFound() {
        Answer answer = wire.post("source_definitions/list_for_workspace",
                Map.of("workspaceId", "11111111-1111-1111-1111-111111111111"));

        assertThat(answer.status()).isEqualTo(404);
    }

    @Test
    void anOAuthConnectorWithoutAHandMadePage_signsInOnAGenericConsentPageAndMakesAStrictlyCheckedSource() {
        JsonNode auth = steps.specification(TYPEFORM).path("advancedAuth");
        assertThat(auth.path("predicateKey")).extracting(JsonNode::asText).containsExactly("credentials", "auth_type");
        URI consent = steps.consentUrl(TYPEFORM, REDIRECT);
        Answer page = wire.get(consent);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("Read your Typeform data").contains("Demo Outfitters (Typeform account)");

        Answer completed = steps.completeOAuth(TYPEFORM, steps.decide(consent, "allow"), REDIRECT);
        JsonNode payload = completed.json().path("auth_payload");
        assertThat(Instant.parse(payload.path("token_expiry_date").asText())).isAfter(Instant.now());
        Map<String, Object> credentials = Map.of("auth_type", "oauth2.0",
                "access_token", payload.path("access_token").asText(), "refresh_token", payload.path("refresh_token").asText(),
                "token_expiry_date", payload.path("token_expiry_date").asText());

        Answer created = steps.createSource(TYPEFORM, Map.of("credentials", credentials));
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        String sourceId = created.json().path("sourceId").asText();
        assertThat(simulator.signsInByOAuth(sourceId)).isTrue();
        Answer forged = steps.createSource(TYPEFORM, Map.of("credentials", Map.of("auth_type", "oauth2.0",
                "access_token", "made-up-token-123", "refresh_token", "made-up-token-456",
                "token_expiry_date", "2030-01-01T00:00:00Z")));
        assertThat(forged.status()).isEqualTo(422);
        assertThat(forged.text()).contains("was not issued by this Airbyte");
    }

    @Test
    void cloudSignsInAConnectorItBrokers_andRefusesOneOutsideItsOAuthActorNames() {
        try (AirbyteSimulator cloud = AirbyteSimulator.start(Duration.ZERO)) {
            URI base = cloud.publicApiBaseUrl();
            WireClient cloudWire = new WireClient(URI.create(base.toString().replaceFirst("/v1$", "")));
            String token = cloudWire.post("applications/token", Map.of("client_id", cloud.cloudClientId(),
                    "client_secret", cloud.cloudClientSecret(), "grant_type", "client_credentials")).json()
                    .path("access_token").asText();

            Answer initiated = publicCall(cloudWire, base, token, "/sources/initiateOAuth", Map.of("sourceType", "typeform",
                    "workspaceId", cloud.workspaceId(), "redirectUrl", RELAY));
            assertThat(initiated.status()).isEqualTo(200);
            String secretId = new CloudConsent().allow(URI.create(initiated.json().path("consentUrl").asText()))
                    .query().get("secret_id");
            Answer created = publicCall(cloudWire, base, token, "/sources", Map.of("name", "Typeform",
                    "workspaceId", cloud.workspaceId(), "secretId", secretId,
                    "configuration", Map.of("sourceType", "typeform", "credentials", Map.of("auth_type", "oauth2.0"))));
            assertThat(created.status()).as(created.text()).isEqualTo(200);
            assertThat(created.json().path("definitionId").asText()).isEqualTo(TYPEFORM);

            Answer refused = publicCall(cloudWire, base, token, "/sources/initiateOAuth", Map.of("sourceType", "youtube-data",
                    "workspaceId", cloud.workspaceId(), "redirectUrl", RELAY));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().path("title").asText()).isEqualTo("value-not-found");
            assertThat(refused.json().path("data").path("value").asText()).isEqualTo("youtube-data");
        }
    }

    @Test
    void cloudMakesATypedCredentialSourceOfAnySnapshotConnectorBySourceType() {
        try (AirbyteSimulator cloud = AirbyteSimulator.start(Duration.ZERO)) {
            URI base = cloud.publicApiBaseUrl();
            WireClient cloudWire = new WireClient(URI.create(base.toString().replaceFirst("/v1$", "")));
            String token = cloudWire.post("applications/token", Map.of("client_id", cloud.cloudClientId(),
                    "client_secret", cloud.cloudClientSecret(), "grant_type", "client_credentials")).json()
                    .path("access_token").asText();
            Map<String, Object> configuration = Map.of("sourceType", "salesloft", "start_date", "2024-01-01T00:00:00Z");

            Answer refused = publicCall(cloudWire, base, token, "/sources", Map.of("name", "Salesloft",
                    "workspaceId", cloud.workspaceId(), "configuration", configuration));
            Answer created = publicCall(cloudWire, base, token, "/sources", Map.of("name", "Salesloft",
                    "workspaceId", cloud.workspaceId(), "configuration", Map.of("sourceType", "salesloft",
                            "start_date", "2024-01-01T00:00:00Z",
                            "credentials", Map.of("auth_type", "api_key", "api_key", "sl_live_0123456789abcdef"))));

            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.text()).contains("credentials");
            assertThat(created.status()).as(created.text()).isEqualTo(200);
            assertThat(created.json().path("definitionId").asText()).isEqualTo(SALESLOFT);
        }
    }

    private Answer publicCall(WireClient client, URI base, String token, String path, Object body) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode definition(JsonNode list, String definitionId) {
        for (JsonNode read : list) {
            if (read.path("sourceDefinitionId").asText().equals(definitionId)) {
                return read;
            }
        }
        throw new AssertionError("no definition " + definitionId);
    }
}
