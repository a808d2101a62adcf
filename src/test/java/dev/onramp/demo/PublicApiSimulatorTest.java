package dev.onramp.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onramp.demo.WireClient.Answer;
import dev.onramp.testing.CloudConsent;
import dev.onramp.testing.MutableClock;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulator's Airbyte Cloud flavour as seen on the wire: shapes, problems and Cloud's rules. */
class PublicApiSimulatorTest {
    private static final String HUBSPOT = SimulatorSteps.HUBSPOT;
    private static final String RELAY = "https://relay.example.com/onramp/?port=45678&nonce=abc";

    private final ObjectMapper json = new ObjectMapper();
    private final MutableClock clock = new MutableClock(Instant.now());
    private final AirbyteSimulator simulator = AirbyteSimulator.builder().clock(clock).workspaces(45).start();
    private final URI base = simulator.publicApiBaseUrl();
    private final WireClient wire = new WireClient(URI.create(base.toString().replaceFirst("/v1$", "")));

    @AfterEach
    void stop() {
        simulator.close();
    }

    private String token() {
        Answer answer = wire.post("applications/token", Map.of("client_id", simulator.cloudClientId(),
                "client_secret", simulator.cloudClientSecret(), "grant_type", "client_credentials"));
        assertThat(answer.status()).isEqualTo(200);
        return answer.json().path("access_token").asText();
    }

    private Answer call(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token());
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(write(body)));
        }
        return wire.send(request);
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private URI consentUrl(String sourceType, String redirect) {
        Answer answer = call("POST", "/sources/initiateOAuth", Map.of("sourceType", sourceType,
                "workspaceId", simulator.workspaceId(), "redirectUrl", redirect));
        assertThat(answer.status()).isEqualTo(200);
        return URI.create(answer.json().path("consentUrl").asText());
    }

    private String secretId() {
        return new CloudConsent().allow(consentUrl("hubspot", RELAY)).query().get("secret_id");
    }

    private Answer createHubspot(String secretId) {
        return call("POST", "/sources", Map.of("name", "HubSpot", "workspaceId", simulator.workspaceId(),
                "definitionId", HUBSPOT, "secretId", secretId,
                "configuration", Map.of("credentials", Map.of("credentials_title", "OAuth Credentials"))));
    }

    private static void assertProblem(Answer answer, int status, String title) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.response().headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(answer.json().path("status").asInt()).isEqualTo(status);
        assertThat(answer.json().path("title").asText()).isEqualTo(title);
        assertThat(answer.json().path("type").asText()).startsWith("https://reference.airbyte.com/reference/errors");
    }

    @Test
    void patchWithANewSecretId_bringsBackAnExpiredSourceUnderTheSameId() {
        String sourceId = createHubspot(secretId()).json().path("sourceId").asText();
        simulator.expireSourceTokens(sourceId);
        Answer failed = call("GET", "/streams?sourceId=" + sourceId + "&ignoreCache=true", null);
        assertProblem(failed, 500, "unexpected-problem");
        assertThat(failed.json().path("data").path("message").asText())
                .startsWith("Something went wrong in the connector. logs:HTTP 401 Unauthorized");

        Answer patched = call("PATCH", "/sources/" + sourceId, Map.of("secretId", secretId(),
                "configuration", Map.of("credentials", Map.of("credentials_title", "OAuth Credentials"))));

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().path("sourceId").asText()).isEqualTo(sourceId);
        assertThat(call("GET", "/streams?sourceId=" + sourceId + "&ignoreCache=true", null).status()).isEqualTo(200);
    }

    @Test
    void aTypedKeyTheProviderRefuses_failsAFreshStreamListing_untilAPatchBringsAGoodOne() {
        String sourceId = call("POST", "/sources", Map.of("name", "Stripe", "workspaceId", simulator.workspaceId(),
                "definitionId", SimulatorSteps.STRIPE, "configuration", Map.of("account_id", "acct_1",
                        "client_secret", "bad key"))).json().path("sourceId").asText();

        Answer refused = call("GET", "/streams?sourceId=" + sourceId + "&ignoreCache=true", null);
        Answer patched = call("PATCH", "/sources/" + sourceId, Map.of("configuration",
                Map.of("account_id", "acct_1", "client_secret", "sk_test_working_0123456789")));

        assertProblem(refused, 400, "bad-request");
        assertThat(refused.json().at("/data/message").asText()).contains("Secret Key is not valid");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(call("GET", "/streams?sourceId=" + sourceId + "&ignoreCache=true", null).status()).isEqualTo(200);
    }

    @Test
    void patchWithAFieldSourcePatchRequestDoesNotHave_isABadRequest() {
        String sourceId = createHubspot(secretId()).json().path("sourceId").asText();

        assertProblem(call("PATCH", "/sources/" + sourceId, Map.of("secret_id", secretId())), 400, "bad-request");
    }

    @Test
    void patchIntoAnotherWorkspace_isABadRequest() {
        String sourceId = createHubspot(secretId()).json().path("sourceId").asText();

        assertProblem(call("PATCH", "/sources/" + sourceId, Map.of("workspaceId", "5b1f0a3e-1111-2222-3333-444444444444")),
                400, "bad-request");
    }

    @Test
    void token_isABearerJwtThatLivesThreeMinutes() throws Exception {
        Answer answer = wire.post("applications/token", Map.of("client_id", simulator.cloudClientId(),
                "client_secret", simulator.cloudClientSecret(), "grant_type", "client_credentials"));

        assertThat(answer.json().path("token_type").asText()).isEqualTo("Bearer");
        assertThat(answer.json().path("expires_in").asLong()).isEqualTo(180);
        String[] parts = answer.json().path("access_token").asText().split("\\.");
        assertThat(parts).hasSize(3);
        JsonNode claims = json.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(180);
    }

    @Test
    void tokenRequestAsAForm_isAcceptedToo() {
        Answer answer = wire.postForm(URI.create(base + "/applications/token"), "grant_type=client_credentials&client_id="
                + simulator.cloudClientId() + "&client_secret=" + simulator.cloudClientSecret());

        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void wrongClientSecret_isAnInvalidApiKeyProblem() {
        Answer answer = wire.post("applications/token", Map.of("client_id", simulator.cloudClientId(),
                "client_secret", "wrong", "grant_type", "client_credentials"));

        assertProblem(answer, 401, "invalid-api-key");
    }

    @Test
    void callWithoutABearerToken_isAnInvalidApiKeyProblem() {
        assertProblem(wire.get(URI.create(base + "/workspaces")), 401, "invalid-api-key");
    }

    @Test
    void tamperedToken_isRefused() {
        String token = token();
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");

        Answer answer = wire.send(HttpRequest.newBuilder(URI.create(base + "/workspaces")).header("Authorization", "Bearer " + tampered));

        assertProblem(answer, 401, "invalid-api-key");
    }

    @Test
    void tokenOlderThanThreeMinutes_hasExpired() {
        String token = token();
        clock.advance(Duration.ofSeconds(181));

        Answer answer = wire.send(HttpRequest.newBuilder(URI.create(base + "/workspaces")).header("Authorization", "Bearer " + token));

        assertProblem(answer, 401, "invalid-api-key");
        assertThat(answer.json().path("detail").asText()).contains("expired");
    }

    @Test
    void workspaces_comeInPagesWithNextAndPreviousLinks() {
        Answer first = call("GET", "/workspaces?limit=20&offset=0", null);
        Answer last = call("GET", "/workspaces?limit=20&offset=40", null);

        assertThat(first.json().path("data")).hasSize(20);
        assertThat(first.json().path("next").asText()).isEqualTo(base + "/workspaces?limit=20&offset=20");
        assertThat(first.json().has("previous")).isFalse();
        assertThat(last.json().path("data")).hasSize(5);
        assertThat(last.json().has("next")).isFalse();
        assertThat(last.json().path("previous").asText()).isEqualTo(base + "/workspaces?limit=20&offset=20");
        assertThat(first.json().path("data").get(0).path("workspaceId").asText()).isEqualTo(simulator.workspaceId());
        assertThat(first.json().path("data").get(0).path("dataResidency").asText()).isEqualTo("auto");
    }

    @Test
    void pageLargerThanAHundred_isABadRequest() {
        assertProblem(call("GET", "/workspaces?limit=101", null), 400, "bad-request");
    }

    @Test
    void plainHttpRedirectUrl_isAnInvalidRedirectUrlProblem() {
        Answer answer = call("POST", "/sources/initiateOAuth", Map.of("sourceType", "hubspot",
                "workspaceId", simulator.workspaceId(), "redirectUrl", "http://127.0.0.1:45678/oauth-success"));

        assertProblem(answer, 422, "invalid-redirect-url");
        assertThat(answer.json().path("data").path("redirectUrl").asText()).isEqualTo("http://127.0.0.1:45678/oauth-success");
    }

    @Test
    void shopifyOAuth_isNotOfferedByThePublicApi() {
        Answer answer = call("POST", "/sources/initiateOAuth", Map.of("sourceType", "shopify",
                "workspaceId", simulator.workspaceId(), "redirectUrl", RELAY));

        assertProblem(answer, 400, "value-not-found");
        assertThat(answer.json().path("data").path("value").asText()).isEqualTo("shopify");
    }

    @Test
    void zendeskWithoutItsSubdomain_isUnprocessable() {
        Answer answer = call("POST", "/sources/initiateOAuth", Map.of("sourceType", "zendesk-support",
                "workspaceId", simulator.workspaceId(), "redirectUrl", RELAY));

        assertProblem(answer, 422, "unprocessable-entity");
        assertThat(answer.json().path("data").path("message").asText()).contains("subdomain");
    }

    @Test
    void unknownWorkspace_isAResourceNotFoundProblem() {
        Answer answer = call("POST", "/sources/initiateOAuth", Map.of("sourceType", "hubspot",
                "workspaceId", "11111111-1111-1111-1111-111111111111", "redirectUrl", RELAY));

        assertProblem(answer, 404, "resource-not-found");
        assertThat(answer.json().path("data").path("resourceType").asText()).isEqualTo("workspace");
    }

    @Test
    void allowedConsent_endsInARedirectToTheRelayWithASecretId() {
        CloudConsent.Landing landing = new CloudConsent().allow(consentUrl("hubspot", RELAY));

        assertThat(landing.status()).isEqualTo(302);
        assertThat(landing.location().toString()).startsWith(RELAY + "&secret_id=");
        assertThat(landing.query().get("secret_id")).startsWith("airbyte_oauth_secret_");
    }

    @Test
    void consentLink_sendsTheProviderBackToAirbytesCallback() {
        URI consent = consentUrl("hubspot", RELAY);

        URI callback = new CloudConsent().allowUpToAirbytesCallback(consent);

        assertThat(callback.toString()).startsWith(base + "/oauth/callback?code=");
    }

    @Test
    void deniedConsent_isAnOAuthCallbackFailure() {
        CloudConsent.Landing landing = new CloudConsent().deny(consentUrl("hubspot", RELAY));

        assertThat(landing.status()).isEqualTo(500);
        assertThat(landing.body()).contains("oauth-callback-failure");
    }

    @Test
    void secretId_makesASourceWhoseTokensAreMasked() {
        Answer answer = createHubspot(secretId());

        assertThat(answer.status()).isEqualTo(200);
        JsonNode source = answer.json();
        assertThat(source.path("sourceId").asText()).isNotBlank();
        assertThat(source.path("sourceType").asText()).isEqualTo("hubspot");
        assertThat(source.path("definitionId").asText()).isEqualTo(HUBSPOT);
        assertThat(source.path("workspaceId").asText()).isEqualTo(simulator.workspaceId());
        assertThat(source.path("createdAt").isNumber()).isTrue();
        assertThat(source.path("configuration").path("credentials").path("refresh_token").asText()).isEqualTo("**********");
        assertThat(simulator.sourceIds()).containsExactly(source.path("sourceId").asText());
    }

    @Test
    void oauthSourceWithoutASecret_isUnprocessable() {
        Answer answer = call("POST", "/sources", Map.of("name", "HubSpot", "workspaceId", simulator.workspaceId(),
                "definitionId", HUBSPOT, "configuration", Map.of("credentials", Map.of("credentials_title", "OAuth Credentials"))));

        assertProblem(answer, 422, "unprocessable-entity");
        assertThat(simulator.sourceIds()).isEmpty();
    }

    @Test
    void streams_haveThePublicApisShape() {
        String sourceId = createHubspot(secretId()).json().path("sourceId").asText();

        Answer answer = call("GET", "/streams?sourceId=" + sourceId + "&ignoreCache=true", null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().isArray()).isTrue();
        JsonNode first = answer.json().get(0);
        assertThat(first.path("streamName").asText()).isNotBlank();
        assertThat(first.path("syncModes")).isNotEmpty().allSatisfy(mode -> assertThat(mode.asText())
                .isIn("full_refresh_overwrite", "full_refresh_append", "incremental_append", "incremental_deduped_history"));
    }

    @Test
    void deletedSource_isGoneAfterwards() {
        String sourceId = createHubspot(secretId()).json().path("sourceId").asText();

        Answer deleted = call("DELETE", "/sources/" + sourceId, null);
        Answer again = call("GET", "/sources/" + sourceId, null);

        assertThat(deleted.status()).isEqualTo(204);
        assertProblem(again, 404, "resource-not-found");
        assertThat(simulator.sourceIds()).isEmpty();
    }

    @Test
    void unknownEndpoint_isAResourceNotFoundProblem() {
        assertProblem(call("GET", "/connections", null), 404, "resource-not-found");
    }
}
