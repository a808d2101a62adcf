package dev.onramp.demo;

import static dev.onramp.demo.SimulatorSteps.REDIRECT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onramp.demo.WireClient.Answer;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Config API's strictness about the fields a connector needs before consent, and its secret
 * coordinates: {@code returnSecretCoordinate} on {@code complete_oauth}, {@code secretId} on
 * {@code sources/create}, and the knob that makes it behave like an Airbyte from before the flag.
 */
class OAuthInputsAndSecretsTest {
    private static final String ZENDESK = "79c1aa37-dae3-42ae-b333-d1c105477715";
    private static final String INTERCOM = "d8313939-3782-41b0-be29-b3ca20d8dd3a";
    private static final Map<String, String> ACME = Map.of("subdomain", "acme");

    private final AirbyteSimulator simulator = AirbyteSimulator.start(Duration.ZERO);
    private final WireClient wire = new WireClient(simulator.apiBaseUrl());
    private final SimulatorSteps steps = new SimulatorSteps(simulator, wire);

    @AfterEach
    void stop() {
        simulator.close();
    }

    private Answer consent(String definitionId, Map<String, ?> input) {
        Map<String, Object> request = new LinkedHashMap<>(Map.of("sourceDefinitionId", definitionId,
                "workspaceId", simulator.workspaceId(), "redirectUrl", REDIRECT.toString()));
        if (input != null) {
            request.put("oAuthInputConfiguration", input);
        }
        return wire.post("source_oauths/get_consent_url", request);
    }

    private Answer complete(String definitionId, Map<String, String> callback, Map<String, ?> input, boolean keepTokens) {
        Map<String, Object> request = new LinkedHashMap<>(Map.of("sourceDefinitionId", definitionId,
                "workspaceId", simulator.workspaceId(), "redirectUrl", REDIRECT.toString(), "queryParams", callback));
        if (input != null) {
            request.put("oAuthInputConfiguration", input);
        }
        if (keepTokens) {
            request.put("returnSecretCoordinate", true);
        }
        return wire.post("source_oauths/complete_oauth", request);
    }

    /** Consents to Zendesk for the acme subdomain and allows: the redirect's query. */
    private Map<String, String> allowedZendesk() {
        Answer consent = consent(ZENDESK, ACME);
        assertThat(consent.status()).isEqualTo(200);
        return steps.decide(URI.create(consent.json().path("consentUrl").asText()), "allow");
    }

    private Answer create(Map<String, Object> request) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("sourceDefinitionId", ZENDESK,
                "workspaceId", simulator.workspaceId(), "name", "Zendesk"));
        body.putAll(request);
        return wire.post("sources/create", body);
    }

    private static Map<String, Object> oauthConfiguration() {
        return Map.of("subdomain", "acme", "credentials", Map.of("credentials", "oauth2_refresh"));
    }

    @Test
    void consentUrlWithoutARequiredInput_isABadRequestNamingIt() {
        Answer answer = consent(ZENDESK, null);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("message").asText()).contains("oAuthInputConfiguration.subdomain");
        assertThat(answer.json().path("exceptionClassName").asText()).endsWith("BadRequestException");
    }

    @Test
    void consentUrlWithABlankRequiredInput_isABadRequest() {
        assertThat(consent(ZENDESK, Map.of("subdomain", " ")).status()).isEqualTo(400);
    }

    @Test
    void completeOAuthWithoutTheRequiredInput_isABadRequestAndTheCodeStaysUsable() {
        Map<String, String> callback = allowedZendesk();

        Answer refused = complete(ZENDESK, callback, null, false);
        Answer given = complete(ZENDESK, callback, ACME, false);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("message").asText()).contains("subdomain");
        assertThat(given.status()).isEqualTo(200);
    }

    @Test
    void optionalSecretInputs_areNotRequired() {
        assertThat(consent(INTERCOM, null).status()).isEqualTo(200);
    }

    @Test
    void returnSecretCoordinate_answersWithOnlyASecretIdInsteadOfTheTokens() {
        Answer answer = complete(ZENDESK, allowedZendesk(), ACME, true);

        JsonNode payload = answer.json().path("auth_payload");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(payload.size()).isEqualTo(1);
        assertThat(payload.path("secretId").asText()).startsWith("airbyte_oauth_workspace_" + simulator.workspaceId());
    }

    @Test
    void sourceCreatedFromTheSecretId_getsTheKeptTokensAndPassesItsCheck() {
        String secretId = complete(ZENDESK, allowedZendesk(), ACME, true).json().path("auth_payload").path("secretId").asText();

        Answer created = create(Map.of("connectionConfiguration", oauthConfiguration(), "secretId", secretId));

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().at("/connectionConfiguration/credentials/access_token").asText()).isEqualTo("**********");
        Answer check = wire.post("sources/check_connection", Map.of("sourceId", created.json().path("sourceId").asText()));
        assertThat(check.json().path("status").asText()).isEqualTo("succeeded");
    }

    @Test
    void sourceWithoutTokensOrSecretId_isRefused() {
        assertThat(create(Map.of("connectionConfiguration", oauthConfiguration())).status()).isEqualTo(422);
    }

    @Test
    void unknownSecretId_isRefusedWithoutEchoingIt() {
        Answer answer = create(Map.of("connectionConfiguration", oauthConfiguration(),
                "secretId", "airbyte_oauth_workspace_x_secret_made_up_v1"));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.text()).doesNotContain("made_up");
    }

    @Test
    void oauthSourceWithoutTheRequiredInput_isRefusedNamingItsPath() {
        String secretId = complete(ZENDESK, allowedZendesk(), ACME, true).json().path("auth_payload").path("secretId").asText();

        Answer answer = create(Map.of("connectionConfiguration", Map.of("credentials", Map.of("credentials", "oauth2_refresh")),
                "secretId", secretId));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().path("validationErrors").findValuesAsText("propertyPath"))
                .contains("connectionConfiguration.subdomain");
    }

    @Test
    void knobForAnOlderAirbyte_ignoresTheFlagAndAnswersWithTheTokens() {
        simulator.ignoreReturnSecretCoordinate(true);

        JsonNode payload = complete(ZENDESK, allowedZendesk(), ACME, true).json().path("auth_payload");

        assertThat(payload.has("secretId")).isFalse();
        assertThat(simulator.issuedSecrets()).contains(payload.path("access_token").asText(),
                payload.path("refresh_token").asText());
    }
}
