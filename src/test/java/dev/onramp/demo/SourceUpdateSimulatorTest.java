package dev.onramp.demo;

import static dev.onramp.demo.SimulatorSteps.HUBSPOT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onramp.demo.WireClient.Answer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator's side of a reconnect and of a protected self-managed Airbyte, over the wire:
 * {@code sources/update}, {@code sources/partial_update}, {@code sources/check_connection_for_update},
 * revoked tokens, and the Config API's login.
 */
class SourceUpdateSimulatorTest {
    private final AirbyteSimulator simulator = AirbyteSimulator.start(Duration.ZERO);
    private final WireClient wire = new WireClient(simulator.apiBaseUrl());
    private final SimulatorSteps steps = new SimulatorSteps(simulator, wire);

    @AfterEach
    void stop() {
        simulator.close();
    }

    private Map<String, Object> hubspotConfiguration(JsonNode payload) {
        return Map.of("start_date", "2024-01-01T00:00:00Z", "credentials",
                Map.of("credentials_title", "OAuth Credentials", "refresh_token", payload.path("refresh_token").asText()));
    }

    private String hubspotSource() {
        Answer created = steps.createSource(HUBSPOT, hubspotConfiguration(steps.authorize(HUBSPOT)));
        assertThat(created.status()).isEqualTo(200);
        return created.json().path("sourceId").asText();
    }

    private String checkStatus(String sourceId) {
        return wire.post("sources/check_connection", Map.of("sourceId", sourceId)).json().path("status").asText();
    }

    @Test
    void expiredTokens_failTheCheckUntilAnUpdateBringsNewOnes() {
        String sourceId = hubspotSource();
        simulator.expireSourceTokens(sourceId);
        assertThat(checkStatus(sourceId)).isEqualTo("failed");

        Answer updated = wire.post("sources/update", Map.of("sourceId", sourceId, "name", "Demo source",
                "connectionConfiguration", hubspotConfiguration(steps.authorize(HUBSPOT))));

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().path("sourceId").asText()).isEqualTo(sourceId);
        assertThat(checkStatus(sourceId)).isEqualTo("succeeded");
    }

    @Test
    void updateWithASecretId_ignoresItAsAirbyteDoes_soAConfigurationWithoutTokensIsRefused() {
        String sourceId = hubspotSource();
        String secretId = steps.keptSecret(HUBSPOT);

        Answer answer = wire.post("sources/update", Map.of("sourceId", sourceId, "name", "Demo source",
                "secretId", secretId, "connectionConfiguration", Map.of("start_date", "2024-01-01T00:00:00Z",
                        "credentials", Map.of("credentials_title", "OAuth Credentials"))));

        assertThat(answer.status()).isEqualTo(422);
    }

    @Test
    void partialUpdateWithASecretId_putsTheNewTokensInAndKeepsTheNameAndTheOtherFields() {
        String sourceId = hubspotSource();
        simulator.expireSourceTokens(sourceId);
        String startDate = wire.post("sources/get", Map.of("sourceId", sourceId)).json()
                .at("/connectionConfiguration/start_date").asText();

        Answer updated = wire.post("sources/partial_update", Map.of("sourceId", sourceId,
                "secretId", steps.keptSecret(HUBSPOT), "connectionConfiguration",
                Map.of("credentials", Map.of("credentials_title", "OAuth Credentials"))));

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().path("name").asText()).isEqualTo("Demo source");
        assertThat(startDate).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(updated.json().at("/connectionConfiguration/start_date").asText()).isEqualTo(startDate);
        assertThat(checkStatus(sourceId)).isEqualTo("succeeded");
    }

    @Test
    void partialUpdateWithASecretIdOfAnotherConnector_isRefused() {
        String sourceId = hubspotSource();

        Answer answer = wire.post("sources/partial_update", Map.of("sourceId", sourceId,
                "secretId", "airbyte_oauth_workspace_" + simulator.workspaceId() + "_secret_made-up_v1"));

        assertThat(answer.status()).isEqualTo(422);
    }

    @Test
    void partialUpdateWithAFieldPartialSourceUpdateDoesNotHave_isRefused() {
        String sourceId = hubspotSource();

        Answer answer = wire.post("sources/partial_update", Map.of("sourceId", sourceId, "configuration", Map.of()));

        assertThat(answer.status()).isEqualTo(422);
    }

    @Test
    void updateWithoutAName_isRefusedAsInvalidInput() {
        String sourceId = hubspotSource();

        Answer answer = wire.post("sources/update", Map.of("sourceId", sourceId,
                "connectionConfiguration", hubspotConfiguration(steps.authorize(HUBSPOT))));

        assertThat(answer.status()).isEqualTo(422);
    }

    @Test
    void updateWithAFieldSourceUpdateDoesNotHave_isRefused() {
        String sourceId = hubspotSource();

        Answer answer = wire.post("sources/update", Map.of("sourceId", sourceId, "name", "Demo source",
                "configuration", hubspotConfiguration(steps.authorize(HUBSPOT))));

        assertThat(answer.status()).isEqualTo(422);
    }

    @Test
    void updateWithATokenThisAirbyteNeverIssued_isRefused() {
        String sourceId = hubspotSource();

        Answer answer = wire.post("sources/update", Map.of("sourceId", sourceId, "name", "Demo source",
                "connectionConfiguration", Map.of("start_date", "2024-01-01T00:00:00Z", "credentials",
                        Map.of("credentials_title", "OAuth Credentials", "refresh_token", "made-up-token-value"))));

        assertThat(answer.status()).isEqualTo(422);
    }

    @Test
    void updateOfAnUnknownSource_isNotFound() {
        Answer answer = wire.post("sources/update", Map.of("sourceId", "5b1f0a3e-1111-2222-3333-444444444444",
                "name", "Demo source", "connectionConfiguration", Map.of()));

        assertThat(answer.status()).isEqualTo(404);
    }

    @Test
    void protectedConfigApi_refusesACallWithoutLoginAndAcceptsBasicAuthAndBearerTokens() {
        try (AirbyteSimulator locked = AirbyteSimulator.builder().protectedConfigApi().start()) {
            WireClient client = new WireClient(locked.apiBaseUrl());
            String body = "{\"organizationId\":\"00000000-0000-0000-0000-000000000000\"}";
            URI list = URI.create(locked.apiBaseUrl() + "/v1/workspaces/list_by_organization_id");
            String basic = "Basic " + Base64.getEncoder().encodeToString(("airbyte:" + locked.configApiPassword())
                    .getBytes(StandardCharsets.UTF_8));
            Answer token = client.post("applications/token", Map.of("client_id", locked.configApiClientId(),
                    "client_secret", locked.configApiClientSecret()));

            assertThat(client.post("workspaces/list_by_organization_id", body).status()).isEqualTo(401);
            assertThat(client.send(request(list, body).header("Authorization", basic)).status()).isEqualTo(200);
            assertThat(token.status()).isEqualTo(200);
            assertThat(token.json().fieldNames()).toIterable().containsExactly("access_token");
            assertThat(client.send(request(list, body).header("Authorization",
                    "Bearer " + token.json().path("access_token").asText())).status()).isEqualTo(200);
        }
    }

    @Test
    void protectedConfigApi_refusesAWrongClientSecretWith401() {
        try (AirbyteSimulator locked = AirbyteSimulator.builder().protectedConfigApi().start()) {
            Answer token = new WireClient(locked.apiBaseUrl()).post("applications/token",
                    Map.of("client_id", locked.configApiClientId(), "client_secret", "wrong"));

            assertThat(token.status()).isEqualTo(401);
        }
    }

    @Test
    void checkForUpdate_testsTheProposedConfigurationAndLeavesTheSourceAsItWas() {
        String sourceId = steps.createSource(SimulatorSteps.STRIPE, Map.of("account_id", "acct_1",
                "client_secret", "sk_test_working_0123456789")).json().path("sourceId").asText();

        Answer refused = wire.post("sources/check_connection_for_update", Map.of("sourceId", sourceId,
                "name", "Demo source", "connectionConfiguration", Map.of("account_id", "acct_1", "client_secret", "bad key")));
        Answer accepted = wire.post("sources/check_connection_for_update", Map.of("sourceId", sourceId,
                "name", "Demo source", "connectionConfiguration", Map.of("account_id", "acct_2",
                        "client_secret", "sk_test_another_0123456789")));

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.json().path("status").asText()).isEqualTo("failed");
        assertThat(refused.json().path("message").asText()).contains("Secret Key is not valid");
        assertThat(refused.json().path("jobInfo").isObject()).isTrue();
        assertThat(accepted.json().path("status").asText()).isEqualTo("succeeded");
        assertThat(simulator.sourceConfiguration(sourceId).orElseThrow().path("client_secret").asText())
                .isEqualTo("sk_test_working_0123456789");
        assertThat(simulator.sourceConfiguration(sourceId).orElseThrow().path("account_id").asText()).isEqualTo("acct_1");
    }

    @Test
    void checkForUpdate_refusesAConfigurationTheSpecificationRefuses_andOneWithoutItsName() {
        String sourceId = steps.createSource(SimulatorSteps.STRIPE, Map.of("account_id", "acct_1",
                "client_secret", "sk_test_working_0123456789")).json().path("sourceId").asText();

        Answer incomplete = wire.post("sources/check_connection_for_update", Map.of("sourceId", sourceId,
                "name", "Demo source", "connectionConfiguration", Map.of("client_secret", "sk_test_another_0123456789")));
        Answer nameless = wire.post("sources/check_connection_for_update", Map.of("sourceId", sourceId,
                "connectionConfiguration", Map.of("account_id", "acct_1", "client_secret", "sk_test_another_0123456789")));

        assertThat(incomplete.status()).isEqualTo(422);
        assertThat(nameless.status()).isEqualTo(422);
    }

    private static HttpRequest.Builder request(URI uri, String body) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }
}
