package dev.onramp.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onramp.demo.WireClient.Answer;
import java.net.URI;
import java.util.Map;

/** The steps of an authorization, done over plain HTTP against one simulator. */
final class SimulatorSteps {
    static final String SHOPIFY = "9da77001-af33-4bcd-be46-6252bf9342b9";
    static final String HUBSPOT = "36c891d9-4bd9-43ac-bad2-10e12756272c";
    static final String SALESFORCE = "b117307c-14b6-41aa-9422-947e34922962";
    static final String STRIPE = "e094cb9a-26de-4645-8761-65c0c425d1de";
    static final URI REDIRECT = URI.create("http://127.0.0.1:45678/oauth-success");

    private final AirbyteSimulator simulator;
    private final WireClient wire;

    SimulatorSteps(AirbyteSimulator simulator, WireClient wire) {
        this.simulator = simulator;
        this.wire = wire;
    }

    JsonNode specification(String definitionId) {
        Answer answer = wire.post("source_definition_specifications/get",
                Map.of("sourceDefinitionId", definitionId, "workspaceId", simulator.workspaceId()));
        assertThat(answer.status()).isEqualTo(200);
        return answer.json();
    }

    URI consentUrl(String definitionId, URI redirect) {
        Answer answer = wire.post("source_oauths/get_consent_url", Map.of("sourceDefinitionId", definitionId,
                "workspaceId", simulator.workspaceId(), "redirectUrl", redirect.toString()));
        assertThat(answer.status()).isEqualTo(200);
        return URI.create(answer.json().path("consentUrl").asText());
    }

    /** Presses a button of the consent form and returns the answer. */
    Answer press(URI consentUrl, String decision) {
        return wire.postForm(consentUrl.resolve("decision"),
                "state=" + WireClient.query(consentUrl).get("state") + "&decision=" + decision);
    }

    /** Presses a button of the consent form and returns the query of the redirect it sent. */
    Map<String, String> decide(URI consentUrl, String decision) {
        Answer answer = press(consentUrl, decision);
        assertThat(answer.status()).isEqualTo(302);
        return WireClient.query(URI.create(answer.response().headers().firstValue("Location").orElseThrow()));
    }

    Answer completeOAuth(String definitionId, Map<String, String> queryParams, URI redirect) {
        return wire.post("source_oauths/complete_oauth", Map.of("sourceDefinitionId", definitionId,
                "workspaceId", simulator.workspaceId(), "redirectUrl", redirect.toString(), "queryParams", queryParams));
    }

    /** Consents, allows and completes: the auth payload of a fresh authorization. */
    JsonNode authorize(String definitionId) {
        Answer answer = completeOAuth(definitionId, decide(consentUrl(definitionId, REDIRECT), "allow"), REDIRECT);
        assertThat(answer.status()).isEqualTo(200);
        return answer.json().path("auth_payload");
    }

    /** Consents, allows and completes asking Airbyte to keep the tokens: the secret coordinate it answers with. */
    String keptSecret(String definitionId) {
        Answer answer = wire.post("source_oauths/complete_oauth", Map.of("sourceDefinitionId", definitionId,
                "workspaceId", simulator.workspaceId(), "redirectUrl", REDIRECT.toString(),
                "queryParams", decide(consentUrl(definitionId, REDIRECT), "allow"), "returnSecretCoordinate", true));
        assertThat(answer.status()).isEqualTo(200);
        return answer.json().path("auth_payload").path("secretId").asText();
    }

    Answer createSource(String definitionId, Object configuration) {
        return wire.post("sources/create", Map.of("sourceDefinitionId", definitionId, "workspaceId", simulator.workspaceId(),
                "name", "Demo source", "connectionConfiguration", configuration));
    }
}
