package dev.onramp.airbyte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.airbyte.AirbyteException.Kind;
import dev.onramp.model.AirbyteSettings;
import dev.onramp.testing.ScriptedServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.assertj.core.api.ThrowableAssertAlternative;
import org.junit.jupiter.api.Test;

/** How the gateway words every way an Airbyte (or something pretending to be one) can fail. */
class ConfigApiGatewayErrorsTest {
    private static final String JSON = "application/json";
    private static final String SHOPIFY = "9da77001-af33-4bcd-be46-6252bf9342b9";
    private static final String WORKSPACE = "6f3c1a52-2b7e-4c1e-9a55-0d8e4f1b2c3d";
    private static final URI REDIRECT = URI.create("http://127.0.0.1:45678/oauth-success");
    /**
     * The specification of a connector that asks for nothing, answered before a create: Onramp
     * checks the configuration against it, sends it, and hears what the script says next.
     */
    private static final ScriptedServer.Answer ANY_CONFIGURATION = new ScriptedServer.Answer(200, JSON,
            "{\"sourceDefinitionId\":\"" + SHOPIFY + "\",\"connectionSpecification\":{\"type\":\"object\"}}");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void serverError_isServerErrorWithAirbytesMessage() {
        try (ScriptedServer server = ScriptedServer.answering(500, JSON,
                "{\"message\":\"Internal Server Error: Connection is not available\",\"exceptionClassName\":\"java.sql.SQLException\"}")) {
            failure(server, ConfigApiGateway::listWorkspaces)
                    .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.SERVER_ERROR))
                    .withMessage("Airbyte at " + server.apiBase() + " failed to list its workspaces (HTTP 500: Internal Server "
                            + "Error: Connection is not available). Try again; if it keeps failing, look at Airbyte's server logs.");
        }
    }

    @Test
    void badGatewayPageFromAProxy_isStillAServerError() {
        try (ScriptedServer server = ScriptedServer.answering(502, "text/html", "<html><body>502 Bad Gateway</body></html>")) {
            failure(server, ConfigApiGateway::listWorkspaces)
                    .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.SERVER_ERROR))
                    .withMessageContaining("HTTP 502: no details given");
        }
    }

    @Test
    void notFoundDefinition_saysThisAirbyteLacksTheConnector() {
        try (ScriptedServer server = ScriptedServer.answering(404, JSON,
                "{\"id\":\"" + SHOPIFY + "\",\"message\":\"Could not find configuration for STANDARD_SOURCE_DEFINITION: " + SHOPIFY + ".\"}")) {
            failure(server, g -> g.getSpecification(SHOPIFY, WORKSPACE))
                    .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND))
                    .withMessage("This Airbyte does not have the connector " + SHOPIFY + ": install it in Airbyte at "
                            + server.apiBase() + ", or point Onramp at an Airbyte that has it.");
        }
    }

    @Test
    void notFoundWorkspace_isNotFoundNamingWhatIsUnknown() {
        try (ScriptedServer server = ScriptedServer.answering(404, JSON,
                "{\"id\":\"" + WORKSPACE + "\",\"message\":\"Could not find configuration for STANDARD_WORKSPACE: " + WORKSPACE + ".\"}")) {
            failure(server, g -> g.getSpecification(SHOPIFY, WORKSPACE))
                    .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND))
                    .withMessage("Airbyte at " + server.apiBase() + " could not describe the connector because it does not know"
                            + " what Onramp asked for: Could not find configuration for STANDARD_WORKSPACE: " + WORKSPACE
                            + ". Check that the connector is installed in this Airbyte and that the workspace still exists.");
        }
    }

    @Test
    void anAnswerWithoutAFieldAirbytesApiRequires_namesTheField_andUnknownFieldsAreIgnored() {
        try (ScriptedServer server = ScriptedServer.answering(200, JSON,
                "{\"consentURL\":\"https://example.com/oauth\",\"addedInANewerAirbyte\":true}")) {
            failure(server, g -> g.getConsentUrl(SHOPIFY, WORKSPACE, REDIRECT, null))
                    .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.BAD_RESPONSE))
                    .withMessage("Airbyte at " + server.apiBase() + " answered without \"consentUrl\", which Airbyte's"
                            + " API always sends there: check the address, and that this Airbyte is a version Onramp"
                            + " supports.");
        }
        try (ScriptedServer server = ScriptedServer.answering(200, JSON,
                "{\"consentUrl\":\"https://example.com/oauth?state=abc\",\"addedInANewerAirbyte\":true}")) {
            assertThat(gateway(server).getConsentUrl(SHOPIFY, WORKSPACE, REDIRECT, null)).hasHost("example.com");
        }
    }

    @Test
    void oauthSwitchedOffInAirbytesOwnWords_isOAuthDisabledNotAMissingConnector() {
        try (ScriptedServer server = ScriptedServer.answering(404, JSON, "{\"id\":\"OAuth temporarily disabled\","
                + "\"message\":\"Could not find configuration for SOURCE_OAUTH_PARAM: OAuth temporarily disabled.\"}")) {
            failure(server, g -> g.getConsentUrl(SHOPIFY, WORKSPACE, REDIRECT, null))
                    .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.OAUTH_DISABLED))
                    .withMessageContaining("is switched off for");
        }
    }

    @Test
    void missingAppIdOfAProviderThatNamesItsClientIdSo_isNoOAuthApp() {
        try (ScriptedServer server = ScriptedServer.answering(500, JSON,
                "{\"message\":\"Undefined parameter 'app_id' necessary for the OAuth Flow.\","
                        + "\"exceptionClassName\":\"java.lang.IllegalArgumentException\"}")) {
            failure(server, g -> g.getConsentUrl(SHOPIFY, WORKSPACE, REDIRECT, null))
                    .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.NO_OAUTH_APP))
                    .withMessageContaining("has no OAuth app for");
        }
    }

    @Test
    void tooManyRequestsAfterEveryTry_isRateLimitedWithTheWaitAirbyteAsks() {
        try (ScriptedServer server = ScriptedServer.answeringInTurn(List.of(
                new ScriptedServer.Answer(429, JSON, "{\"message\":\"API rate limit exceeded\"}").withHeader("Retry-After", "1")))) {
            failure(server, ConfigApiGateway::listWorkspaces)
                    .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED))
                    .withMessage("Airbyte at " + server.apiBase() + " refused to list its workspaces because Onramp called it"
                            + " too often (HTTP 429): wait 1 seconds as it asks, then try again.");
            assertThat(server.requests()).hasSize(4);
        }
    }

    @Test
    void serviceUnavailableOnce_isTriedAgainAndSucceeds() {
        try (ScriptedServer server = ScriptedServer.answeringInTurn(List.of(
                new ScriptedServer.Answer(503, "text/html", "<h1>503</h1>"), new ScriptedServer.Answer(200, JSON, "{\"workspaces\":[]}")))) {
            assertThat(gateway(server).listWorkspaces()).isEmpty();
            assertThat(server.requests()).hasSize(2);
        }
    }

    @Test
    void createThatMetABadGateway_isNotSentAgain() {
        try (ScriptedServer server = ScriptedServer.answeringInTurn(List.of(ANY_CONFIGURATION,
                new ScriptedServer.Answer(502, "text/html", "<h1>502</h1>")))) {
            failure(server, g -> g.createSource(WORKSPACE, SHOPIFY, "Shopify", json.createObjectNode()))
                    .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.SERVER_ERROR));
            assertThat(server.requests()).extracting(ScriptedServer.Request::path)
                    .containsExactly("/api/v1/source_definition_specifications/get", "/api/v1/sources/create");
        }
    }

    @Test
    void basicAuth_isSentWithEveryCall() {
        try (ScriptedServer server = ScriptedServer.answering(200, JSON, "{\"workspaces\":[]}")) {
            new ConfigApiGateway(server.apiBase(), Optional.of(new AirbyteSettings.Basic("airbyte", "password")), NO_WAIT,
                    ConnectorNames.NONE).listWorkspaces();

            assertThat(server.requests().getFirst().authorization()).isEqualTo("Basic YWlyYnl0ZTpwYXNzd29yZA==");
        }
    }

    @Test
    void tokenRequestAnsweredWithAWebPage_saysThisAirbyteSignsNoApplicationsInAndToChooseNoLogin() {
        // An Airbyte 2.x whose authentication is off serves its web app for applications/token too.
        try (ScriptedServer server = ScriptedServer.answering(200, "text/html",
                "<!doctype html><html><head><title>Airbyte</title></head><body><div id=\"root\"></div></body></html>")) {
            ConfigApiGateway gateway = new ConfigApiGateway(server.apiBase(),
                    Optional.of(new AirbyteSettings.ClientCredentials("app-id", "app-secret-value")), NO_WAIT,
                    ConnectorNames.NONE);

            assertThatThrownBy(gateway::listWorkspaces).isInstanceOfSatisfying(AirbyteException.class, e -> {
                assertThat(e.kind()).isEqualTo(Kind.REJECTED);
                assertThat(e).hasMessage("Airbyte at " + server.apiBase() + " answered the token request with a web page,"
                        + " not a token: this Airbyte does not sign applications in. Choose \"No login\" for it in"
                        + " Settings (onramp settings set --no-login), or check the address.");
            });
            assertThat(server.requests()).extracting(ScriptedServer.Request::path).containsExactly("/api/v1/applications/token");
        }
    }

    @Test
    void notFoundPageThatIsNotJson_meansTheAddressIsWrong() {
        try (ScriptedServer server = ScriptedServer.answering(404, "text/html", "<html><h1>Not Found</h1></html>")) {
            failure(server, ConfigApiGateway::listWorkspaces)
                    .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.BAD_RESPONSE))
                    .withMessage("Airbyte at " + server.apiBase() + " answered with something that is not Airbyte's API; check the address.");
        }
    }

    @Test
    void garbageBody_isBadResponse() {
        try (ScriptedServer server = ScriptedServer.answering(200, JSON, "\u0000\u0001 not json {")) {
            failure(server, ConfigApiGateway::listWorkspaces).satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.BAD_RESPONSE));
        }
    }

    @Test
    void htmlPage_isBadResponseAskingToCheckThatTheAddressIsAirbytesNotAProxysPage() {
        try (ScriptedServer server = ScriptedServer.answering(200, "text/html",
                "<!DOCTYPE html><html><head><title>Airbyte</title></head><body><div id=root></div></body></html>")) {
            failure(server, g -> g.getSpecification(SHOPIFY, WORKSPACE))
                    .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.BAD_RESPONSE))
                    .withMessage("Airbyte at " + server.apiBase() + " answered with a web page that is not Airbyte's API:"
                            + " check that the address is Airbyte's and not a proxy's or a sign-in page.");
        }
    }

    @Test
    void jsonCutOff_isBadResponseSayingToTryAgainNotToCheckTheAddress() {
        try (ScriptedServer server = ScriptedServer.answering(200, JSON, "{\"workspaces\":[{\"workspaceId\":\"")) {
            failure(server, ConfigApiGateway::listWorkspaces)
                    .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.BAD_RESPONSE))
                    .withMessage("Airbyte at " + server.apiBase() + " sent an answer that breaks off or is not valid JSON"
                            + " when asked to list its workspaces (HTTP 200). Try again; if it keeps happening, Airbyte's"
                            + " server logs, or those of a proxy between Onramp and Airbyte, say why its answers are cut"
                            + " short.");
        }
    }

    @Test
    void jsonOfTheWrongShape_isBadResponse() {
        try (ScriptedServer server = ScriptedServer.answering(200, JSON, "{\"workspaces\":\"none\"}")) {
            failure(server, ConfigApiGateway::listWorkspaces).satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.BAD_RESPONSE));
        }
    }

    @Test
    void emptyAnswerWhereABodyIsDue_isBadResponse() {
        try (ScriptedServer server = ScriptedServer.answering(204, JSON, "")) {
            failure(server, g -> g.checkConnection("5b1f0a3e-1111-2222-3333-444444444444"))
                    .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.BAD_RESPONSE));
        }
    }

    @Test
    void unauthorized_asksToCheckTheCredentials() {
        try (ScriptedServer server = ScriptedServer.answering(401, JSON, "{\"message\":\"Unauthorized\"}")) {
            failure(server, ConfigApiGateway::listWorkspaces)
                    .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED))
                    .withMessage("Airbyte at " + server.apiBase() + " refused Onramp's credentials (HTTP 401) when asked to"
                            + " list its workspaces. Check the Airbyte credentials in Settings.");
        }
    }

    @Test
    void forbidden_isUnauthorized() {
        try (ScriptedServer server = ScriptedServer.answering(403, "text/plain", "Forbidden")) {
            failure(server, ConfigApiGateway::listWorkspaces).satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED));
        }
    }

    @Test
    void invalidInput_isRejectedWithEachProblemButNoRefusedValue() {
        try (ScriptedServer server = ScriptedServer.answeringInTurn(List.of(ANY_CONFIGURATION, new ScriptedServer.Answer(422,
                JSON, """
                {"message":"The provided configuration does not fulfill the specification.",
                 "validationErrors":[{"propertyPath":"$.shop","invalidValue":"secret-ish-value","message":"is missing"},
                                     {"propertyPath":"$.start_date","message":"does not match the date pattern"}]}""")))) {
            failure(server, g -> g.createSource(WORKSPACE, SHOPIFY, "Shopify", json.createObjectNode()))
                    .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.REJECTED))
                    .withMessage("Airbyte at " + server.apiBase() + " refused to create the source: The provided configuration"
                            + " does not fulfill the specification ($.shop is missing; $.start_date does not match the date pattern).");
        }
    }

    @Test
    void badRequest_isRejected() {
        try (ScriptedServer server = ScriptedServer.answering(400, JSON, "{\"message\":\"Malformed request body\"}")) {
            failure(server, g -> g.getConsentUrl(SHOPIFY, WORKSPACE, REDIRECT, null))
                    .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.REJECTED))
                    .withMessageContaining("refused to start the authorization: Malformed request body");
        }
    }

    @Test
    void rejectionThatEchoesASecretWeSent_hidesIt() {
        try (ScriptedServer server = ScriptedServer.answeringInTurn(List.of(ANY_CONFIGURATION, new ScriptedServer.Answer(422,
                JSON, "{\"message\":\"Token shpat_0123456789abcdef is invalid for shop demo.myshopify.com\"}")))) {
            ObjectNode configuration = json.createObjectNode();
            configuration.putObject("credentials").put("access_token", "shpat_0123456789abcdef");

            failure(server, g -> g.createSource(WORKSPACE, SHOPIFY, "Shopify", configuration))
                    .withMessageNotContaining("shpat_0123456789abcdef")
                    .withMessageContaining("Token [hidden] is invalid");
        }
    }

    @Test
    void closedPort_isUnreachableWithAnActionableSentence() throws IOException {
        URI apiBase;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            apiBase = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/api");
        }
        ConfigApiGateway gateway = new ConfigApiGateway(apiBase, Duration.ofSeconds(5));

        assertThatThrownBy(gateway::listWorkspaces)
                .isInstanceOfSatisfying(AirbyteException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE))
                .hasMessage("Onramp could not reach Airbyte at " + apiBase + ". Check that it is running and that the address is right.");
    }

    @Test
    void slowServer_isTimeout() {
        try (ScriptedServer server = ScriptedServer.answering(200, JSON, "{\"workspaces\":[]}", Duration.ofSeconds(5))) {
            ConfigApiGateway gateway = new ConfigApiGateway(server.apiBase(), Duration.ofMillis(300));

            assertThatThrownBy(gateway::listWorkspaces)
                    .isInstanceOfSatisfying(AirbyteException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TIMEOUT))
                    .hasMessage("Airbyte at " + server.apiBase() + " did not list its workspaces within 300 ms."
                            + " Check that it is not overloaded, then try again.");
        }
    }

    @Test
    void completeOAuthThatDidNotSucceed_isRejected() {
        try (ScriptedServer server = ScriptedServer.answering(200, JSON,
                "{\"request_succeeded\":false,\"request_error\":\"invalid_grant\",\"auth_payload\":{}}")) {
            failure(server, g -> g.completeOAuth(SHOPIFY, WORKSPACE, REDIRECT, Map.of("code", "abc"), null))
                    .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.REJECTED))
                    .withMessage("Airbyte at " + server.apiBase() + " could not finish the authorization: invalid_grant."
                            + " Try connecting the account again.");
        }
    }

    @Test
    void discoveryWithoutACatalog_isRejectedWithTheJobsReason() {
        try (ScriptedServer server = ScriptedServer.answering(200, JSON, """
                {"jobInfo":{"id":"j","configType":"discover_schema","createdAt":1,"endedAt":2,"succeeded":false,
                 "failureReason":{"timestamp":2,"externalMessage":"The access token was revoked"}}}""")) {
            failure(server, g -> g.discoverStreams("5b1f0a3e-1111-2222-3333-444444444444"))
                    .satisfies(e -> assertThat(e.kind()).isEqualTo(Kind.REJECTED))
                    .withMessageContaining("could not list the source's streams: The access token was revoked");
        }
    }

    @Test
    void failedCheck_isAResultNotAnError() {
        try (ScriptedServer server = ScriptedServer.answering(200, JSON,
                "{\"status\":\"failed\",\"message\":\"Invalid API key\",\"jobInfo\":{\"succeeded\":true}}")) {
            ConfigApiGateway gateway = new ConfigApiGateway(server.apiBase(), Duration.ofSeconds(5));

            assertThat(gateway.checkConnection("5b1f0a3e-1111-2222-3333-444444444444"))
                    .isEqualTo(new CheckResult(false, "Invalid API key"));
        }
    }

    @Test
    void consentRequest_isAJsonPostWithConfigYamlsFieldNames() throws IOException {
        try (ScriptedServer server = ScriptedServer.answering(200, JSON, "{\"consentUrl\":\"https://accounts.example/authorize?state=abcdefg\"}")) {
            ConfigApiGateway gateway = new ConfigApiGateway(server.apiBase(), Duration.ofSeconds(5));

            URI consent = gateway.getConsentUrl(SHOPIFY, WORKSPACE, REDIRECT, json.createObjectNode().put("subdomain", "demo"));

            assertThat(consent).isEqualTo(URI.create("https://accounts.example/authorize?state=abcdefg"));
            ScriptedServer.Request request = server.requests().getFirst();
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/api/v1/source_oauths/get_consent_url");
            assertThat(request.contentType()).startsWith("application/json");
            assertThat(request.accept()).isEqualTo("application/json");
            JsonNode body = json.readTree(request.body());
            assertThat(body.path("sourceDefinitionId").asText()).isEqualTo(SHOPIFY);
            assertThat(body.path("workspaceId").asText()).isEqualTo(WORKSPACE);
            assertThat(body.path("redirectUrl").asText()).isEqualTo(REDIRECT.toString());
            assertThat(body.path("oAuthInputConfiguration").path("subdomain").asText()).isEqualTo("demo");
        }
    }

    @Test
    void completeRequest_passesEveryQueryParameterAndTheRedirectUrl() throws IOException {
        try (ScriptedServer server = ScriptedServer.answering(200, JSON,
                "{\"request_succeeded\":true,\"auth_payload\":{\"access_token\":\"t\"}}")) {
            ConfigApiGateway gateway = new ConfigApiGateway(server.apiBase(), Duration.ofSeconds(5));

            ObjectNode payload = gateway.completeOAuth(SHOPIFY, WORKSPACE, REDIRECT,
                    Map.of("code", "c0de", "state", "abcdefg", "shop", "demo.myshopify.com"), null);

            assertThat(payload.path("access_token").asText()).isEqualTo("t");
            JsonNode body = json.readTree(server.requests().getFirst().body());
            assertThat(server.requests().getFirst().path()).isEqualTo("/api/v1/source_oauths/complete_oauth");
            assertThat(body.path("redirectUrl").asText()).isEqualTo(REDIRECT.toString());
            assertThat(body.path("queryParams").path("code").asText()).isEqualTo("c0de");
            assertThat(body.path("queryParams").path("shop").asText()).isEqualTo("demo.myshopify.com");
            assertThat(body.has("oAuthInputConfiguration")).isFalse();
        }
    }

    @Test
    void apiBaseWithATrailingSlash_reachesTheSameEndpoints() {
        try (ScriptedServer server = ScriptedServer.answering(200, JSON, "{\"workspaces\":[]}")) {
            ConfigApiGateway gateway = new ConfigApiGateway(URI.create(server.apiBase() + "/"), Duration.ofSeconds(5));

            gateway.listWorkspaces();

            assertThat(server.requests().getFirst().path()).isEqualTo("/api/v1/workspaces/list_by_organization_id");
        }
    }

    /** A call on the gateway, for the failure helper. */
    @FunctionalInterface
    private interface Gateway {
        void call(ConfigApiGateway gateway);
    }

    /** Standard retries without really waiting. */
    private static final CallPolicy NO_WAIT = new CallPolicy(Duration.ofSeconds(5), RetryPolicy.STANDARD, Clock.systemUTC(),
            wait -> {}, new SplittableRandom(3));

    private static ConfigApiGateway gateway(ScriptedServer server) {
        return new ConfigApiGateway(server.apiBase(), Optional.empty(), NO_WAIT, ConnectorNames.NONE);
    }

    private static ThrowableAssertAlternative<AirbyteException> failure(ScriptedServer server, Gateway call) {
        ConfigApiGateway gateway = gateway(server);
        return assertThatExceptionOfType(AirbyteException.class)
                .isThrownBy(() -> call.call(gateway));
    }
}
