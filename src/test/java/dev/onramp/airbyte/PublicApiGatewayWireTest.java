package dev.onramp.airbyte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.catalog.Catalog;
import dev.onramp.model.AirbyteSettings;
import dev.onramp.model.Provider;
import dev.onramp.model.StreamInfo;
import dev.onramp.testing.BundledSpecs;
import dev.onramp.testing.ScriptedServer;
import dev.onramp.testing.ScriptedServer.Answer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** What the public API gateway sends and how it reads answers, against a scripted server. */
class PublicApiGatewayWireTest {
    private static final String JSON = "application/json";
    private static final String SECRET = "cl13nt-s3cr3t-value";
    private static final Answer TOKEN = new Answer(200, JSON,
            "{\"access_token\":\"tok-one\",\"token_type\":\"Bearer\",\"expires_in\":180}");
    private static final Answer NO_WORKSPACES = new Answer(200, JSON, "{\"data\":[]}");
    private static final URI RELAY = URI.create("https://relay.example.com/?port=1234&nonce=abc");

    private final ObjectMapper json = new ObjectMapper();
    private final Provider hubspot = Catalog.bundled().provider("hubspot").orElseThrow();

    private PublicApiGateway gateway(ScriptedServer server) {
        AirbyteSettings.Cloud target = new AirbyteSettings.Cloud(server.publicApiBase(), "client-1", SECRET,
                "ws-1", URI.create("https://relay.example.com/"));
        return new PublicApiGateway(target, new CallPolicy(Duration.ofSeconds(5), RetryPolicy.STANDARD, Clock.systemUTC(),
                wait -> {}, new SplittableRandom(1)), ConnectorNames.NONE, BundledSpecs.shipped());
    }

    @Test
    void tokenRequest_isJsonWithTheClientCredentialsGrant() throws Exception {
        try (ScriptedServer server = ScriptedServer.answeringInTurn(List.of(TOKEN, NO_WORKSPACES))) {
            gateway(server).listWorkspaces();

            ScriptedServer.Request token = server.requests().getFirst();
            assertThat(token.method()).isEqualTo("POST");
            assertThat(token.path()).isEqualTo("/v1/applications/token");
            assertThat(token.contentType()).startsWith("application/json");
            assertThat(token.authorization()).isNull();
            JsonNode body = json.readTree(token.body());
            assertThat(body.path("client_id").asText()).isEqualTo("client-1");
            assertThat(body.path("client_secret").asText()).isEqualTo(SECRET);
            assertThat(body.path("grant_type").asText()).isEqualTo("client_credentials");
        }
    }

    @Test
    void apiCalls_carryTheBearerTokenAndAskForTheLargestPage() {
        try (ScriptedServer server = ScriptedServer.answeringInTurn(List.of(TOKEN, NO_WORKSPACES))) {
            gateway(server).listWorkspaces();

            ScriptedServer.Request call = server.requests().get(1);
            assertThat(call.method()).isEqualTo("GET");
            assertThat(call.path()).isEqualTo("/v1/workspaces");
            assertThat(call.authorization()).isEqualTo("Bearer tok-one");
            assertThat(call.query()).contains("limit=100").contains("offset=0");
            assertThat(call.accept()).isEqualTo("application/json");
        }
    }

    @Test
    void consentAnswerWithOnlyRedirectUrl_isReadToo() {
        try (ScriptedServer server = ScriptedServer.answeringInTurn(List.of(TOKEN,
                new Answer(200, JSON, "{\"redirect_url\":\"https://app.hubspot.com/oauth/authorize?state=abcdefg\"}")))) {
            URI consent = gateway(server).initiateOAuth(hubspot, "ws-1", RELAY, json.createObjectNode());

            assertThat(consent).isEqualTo(URI.create("https://app.hubspot.com/oauth/authorize?state=abcdefg"));
        }
    }

    @Test
    void initiateOAuth_sendsSourceTypeWorkspaceRedirectAndInputs() throws Exception {
        try (ScriptedServer server = ScriptedServer.answeringInTurn(List.of(TOKEN,
                new Answer(200, JSON, "{\"consentUrl\":\"https://app.hubspot.com/oauth/authorize?state=abcdefg\"}")))) {
            gateway(server).initiateOAuth(hubspot, "ws-1", RELAY, json.createObjectNode().put("subdomain", "acme"));

            ScriptedServer.Request call = server.requests().get(1);
            assertThat(call.path()).isEqualTo("/v1/sources/initiateOAuth");
            JsonNode body = json.readTree(call.body());
            assertThat(body.path("sourceType").asText()).isEqualTo("hubspot");
            assertThat(body.path("workspaceId").asText()).isEqualTo("ws-1");
            assertThat(body.path("redirectUrl").asText()).isEqualTo(RELAY.toString());
            assertThat(body.path("oAuthInputConfiguration").path("subdomain").asText()).isEqualTo("acme");
        }
    }

    @Test
    void createWithSecret_sendsDefinitionSecretAndConfiguration() throws Exception {
        try (ScriptedServer server = ScriptedServer.answeringInTurn(List.of(TOKEN,
                new Answer(200, JSON, "{\"sourceId\":\"src-1\",\"name\":\"HubSpot\"}")))) {
            ObjectNode configuration = json.createObjectNode().put("start_date", "2026-01-01T00:00:00Z");
            configuration.putObject("credentials").put("credentials_title", "OAuth Credentials");
            String sourceId = gateway(server).createSource("ws-1", hubspot, "HubSpot — Acme", configuration, "secret-id-1");

            assertThat(sourceId).isEqualTo("src-1");
            JsonNode body = json.readTree(server.requests().get(1).body());
            assertThat(body.path("definitionId").asText()).isEqualTo(hubspot.definitionId());
            assertThat(body.path("secretId").asText()).isEqualTo("secret-id-1");
            assertThat(body.path("workspaceId").asText()).isEqualTo("ws-1");
            assertThat(body.path("configuration").path("start_date").asText()).isEqualTo("2026-01-01T00:00:00Z");
        }
    }

    @Test
    void problemSentAsProblemJson_isReadLikeJson() {
        try (ScriptedServer server = ScriptedServer.answeringInTurn(List.of(TOKEN, new Answer(422, "application/problem+json",
                "{\"type\":\"https://reference.airbyte.com/reference/errors#invalid-redirect-url\",\"title\":\"invalid-redirect-url\","
                        + "\"status\":422,\"data\":{\"redirectUrl\":\"" + RELAY + "\"}}")))) {
            assertThatThrownBy(() -> gateway(server).initiateOAuth(hubspot, "ws-1", RELAY, json.createObjectNode()))
                    .hasMessageEndingWith("Cloud needs an https relay: set it in Settings.");
        }
    }

    @Test
    void unauthorizedTwice_mintsOnceMoreAndGivesUp() {
        try (ScriptedServer server = ScriptedServer.answeringInTurn(List.of(TOKEN,
                new Answer(401, JSON, "{\"message\":\"Unauthorized\"}"), TOKEN, new Answer(401, JSON, "{\"message\":\"Unauthorized\"}")))) {
            assertThatThrownBy(() -> gateway(server).listWorkspaces())
                    .isInstanceOfSatisfying(AirbyteException.class, e -> assertThat(e.kind()).isEqualTo(AirbyteException.Kind.UNAUTHORIZED))
                    .hasMessageStartingWith("Airbyte rejected the client id/secret");
            assertThat(server.requests()).extracting(ScriptedServer.Request::path)
                    .containsExactly("/v1/applications/token", "/v1/workspaces", "/v1/applications/token", "/v1/workspaces");
        }
    }

    @Test
    void tokenAnswerWithoutALifetime_isABadResponse() {
        try (ScriptedServer server = ScriptedServer.answering(200, JSON, "{\"access_token\":\"tok\",\"token_type\":\"Bearer\"}")) {
            assertThatThrownBy(() -> gateway(server).listWorkspaces())
                    .isInstanceOfSatisfying(AirbyteException.class, e -> assertThat(e.kind()).isEqualTo(AirbyteException.Kind.BAD_RESPONSE));
        }
    }

    @Test
    void airbyteEchoingTheClientSecret_hasItHidden() {
        try (ScriptedServer server = ScriptedServer.answering(400, JSON,
                "{\"type\":\"https://reference.airbyte.com/reference/errors#bad-request\",\"title\":\"bad-request\",\"status\":400,"
                        + "\"data\":{\"message\":\"client_secret " + SECRET + " is malformed\"}}")) {
            assertThatThrownBy(() -> gateway(server).listWorkspaces())
                    .hasMessageNotContaining(SECRET)
                    .hasMessageStartingWith("Airbyte rejected the client id/secret");
        }
    }

    @Test
    void streams_areReducedToTheConfigApisSyncModes() {
        try (ScriptedServer server = ScriptedServer.answeringInTurn(List.of(TOKEN, new Answer(200, JSON,
                "[{\"streamName\":\"contacts\",\"syncModes\":[\"full_refresh_overwrite\",\"full_refresh_append\","
                        + "\"incremental_append\",\"incremental_deduped_history\"]},{\"streamName\":\"owners\",\"syncModes\":[\"full_refresh_overwrite\"]}]")))) {
            assertThat(gateway(server).discoverStreams("src-1")).containsExactly(
                    new StreamInfo("contacts", List.of("full_refresh", "incremental")),
                    new StreamInfo("owners", List.of("full_refresh")));
            assertThat(server.requests().get(1).query()).contains("sourceId=src-1").contains("ignoreCache=false");
        }
    }
}
