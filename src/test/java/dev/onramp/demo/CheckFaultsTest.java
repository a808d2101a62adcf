package dev.onramp.demo;

import static dev.onramp.demo.SimulatorSteps.STRIPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.onramp.demo.WireClient.Answer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The check faults {@code check-auth} and {@code check-fail}: how they are written, that only a source's
 * test plays them (and counts them down), and what each API answers, as Airbyte does.
 */
class CheckFaultsTest {
    private final AirbyteSimulator simulator = AirbyteSimulator.start(Duration.ZERO);
    private final WireClient wire = new WireClient(simulator.apiBaseUrl());
    private final SimulatorSteps steps = new SimulatorSteps(simulator, wire);

    @AfterEach
    void stop() {
        simulator.close();
    }

    private String stripe() {
        Answer created = steps.createSource(STRIPE, Map.of("account_id", "acct_demo", "client_secret", "sk_test_demo_secret"));
        assertThat(created.status()).isEqualTo(200);
        return created.json().path("sourceId").asText();
    }

    private Answer check(String sourceId) {
        return wire.post("sources/check_connection", Map.of("sourceId", sourceId));
    }

    @Test
    void checkFaults_areReadWithTheirCountAndTarget() {
        assertThat(Fault.parse("check-auth")).isEqualTo(Fault.checkAuthorization());
        assertThat(Fault.parse("check-fail:3")).isEqualTo(Fault.checkFailure().times(3));
        assertThat(Fault.parse("check-auth@5b1f0a3e-1111-2222-3333-444444444444"))
                .isEqualTo(Fault.checkAuthorization().on("5b1f0a3e-1111-2222-3333-444444444444"));
        assertThat(Fault.parse("CHECK-FAIL:2@/v1/streams").target()).isEqualTo("/v1/streams");
        assertThat(Fault.Kind.CHECK_AUTH.check()).isTrue();
        assertThat(Fault.Kind.SERVER_ERROR.check()).isFalse();
        assertThatThrownBy(() -> Fault.parse("check-everything"))
                .hasMessageContaining("use 429, 429-bare, 500, 502, 503, 504, slow, late, drop, malformed, expired-token, check-auth"
                        + " or check-fail");
    }

    @Test
    void aCheckFault_isLeftAloneByEveryCallButASourcesTest() {
        Faults faults = new Faults();
        faults.arm(Fault.checkFailure());

        assertThat(faults.take("POST", ConfigApi.CHECK_PATH, true)).as("the fault player passes it by").isEmpty();
        assertThat(faults.take("GET", "/v1/streams", true)).isEmpty();
        assertThat(faults.takeCheck("POST", ConfigApi.CHECK_PATH, "any-source")).isPresent();
        assertThat(faults.pending()).isZero();
    }

    @Test
    void checkAuth_answers200WithAFailedCheckConnectionRead_asAirbyteRelaysTheProvidersRefusal() {
        String sourceId = stripe();
        simulator.faults().arm(Fault.checkAuthorization());

        Answer failed = check(sourceId);

        assertThat(failed.status()).isEqualTo(200);
        assertThat(failed.json().path("status").asText()).isEqualTo("failed");
        assertThat(failed.json().path("message").asText()).isEqualTo("HTTP 401 Unauthorized: The access token provided is"
                + " expired, revoked, malformed, or invalid for other reasons.");
        assertThat(failed.json().path("jobInfo").path("configType").asText()).isEqualTo("check_connection_source");
        assertThat(failed.json().path("jobInfo").path("configId").asText()).isEqualTo(sourceId);
        assertThat(failed.json().path("jobInfo").path("succeeded").asBoolean())
                .as("the connector ran and answered: the job succeeded, the check did not").isTrue();
        assertThat(check(sourceId).json().path("status").asText()).isEqualTo("succeeded");
    }

    @Test
    void checkFail_saysTheProviderFailed_withoutAWordOfAuthorization() {
        String sourceId = stripe();
        simulator.faults().arm(Fault.checkFailure());

        Answer failed = check(sourceId);

        assertThat(failed.json().path("status").asText()).isEqualTo("failed");
        assertThat(failed.json().path("message").asText())
                .isEqualTo("Unable to connect to Stripe's API: the provider answered HTTP 500 Internal Server Error."
                        + " Try again later.");
    }

    @Test
    void checkFaults_countDownOnlyOnTests_andMayAimAtOneSource() {
        String aimedAt = stripe();
        String other = stripe();
        simulator.faults().arm(Fault.checkFailure().times(2).on(aimedAt));

        wire.post("sources/get", Map.of("sourceId", aimedAt));
        wire.post("sources/discover_schema", Map.of("sourceId", aimedAt));
        assertThat(check(other).json().path("status").asText()).isEqualTo("succeeded");
        assertThat(simulator.faults().pending()).isEqualTo(2);
        assertThat(check(aimedAt).json().path("status").asText()).isEqualTo("failed");
        assertThat(simulator.faults().pending()).isEqualTo(1);
        assertThat(check(aimedAt).json().path("status").asText()).isEqualTo("failed");
        assertThat(check(aimedAt).json().path("status").asText()).isEqualTo("succeeded");
        assertThat(simulator.faults().pending()).isZero();
    }

    @Test
    void inTheSimulatedCloud_aCheckFaultFailsTheFreshStreamListing_asAirbyteCloudAnswersAFailedDiscover() throws Exception {
        ObjectMapper json = new ObjectMapper();
        WireClient cloud = new WireClient(URI.create(simulator.publicApiBaseUrl().toString().replaceFirst("/v1$", "")));
        String token = cloud.post("applications/token", Map.of("client_id", simulator.cloudClientId(),
                "client_secret", simulator.cloudClientSecret())).json().path("access_token").asText();
        Answer created = cloud.send(HttpRequest.newBuilder(URI.create(simulator.publicApiBaseUrl() + "/sources"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("name", "Stripe",
                        "workspaceId", simulator.workspaceId(), "definitionId", STRIPE, "configuration",
                        Map.of("account_id", "acct_demo", "client_secret", "sk_test_demo_secret"))))));
        String sourceId = created.json().path("sourceId").asText();
        simulator.faults().arm(Fault.checkAuthorization());
        java.util.function.Function<Boolean, Answer> streams = fresh -> cloud.send(HttpRequest.newBuilder(URI.create(
                simulator.publicApiBaseUrl() + "/streams?sourceId=" + sourceId + "&ignoreCache=" + fresh))
                .header("Authorization", "Bearer " + token).GET());

        assertThat(streams.apply(false).status()).as("the cached streams are no test").isEqualTo(200);
        Answer failed = streams.apply(true);

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.json().path("title").asText()).isEqualTo("unexpected-problem");
        assertThat(failed.json().path("data").path("message").asText()).isEqualTo("Something went wrong in the"
                + " connector. logs:HTTP 401 Unauthorized: The access token provided is expired, revoked, malformed,"
                + " or invalid for other reasons.");
        assertThat(streams.apply(true).status()).isEqualTo(200);
    }
}
