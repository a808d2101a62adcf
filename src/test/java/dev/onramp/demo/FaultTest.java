package dev.onramp.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onramp.demo.WireClient.Answer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Faults as {@code demo-server --fault} writes them, which calls they hit, and what the wire then shows. */
class FaultTest {
    @Test
    void fullSpec_readsKindDurationCallsAndTarget() {
        Fault fault = Fault.parse("429=2:3@/v1/workspaces");

        assertThat(fault).isEqualTo(new Fault(Fault.Kind.TOO_MANY_REQUESTS, Duration.ofSeconds(2), 3, "/v1/workspaces"));
    }

    @Test
    void shortSpecs_takeTheDefaults() {
        assertThat(Fault.parse("503")).isEqualTo(Fault.serverError(503));
        assertThat(Fault.parse("429")).isEqualTo(Fault.tooManyRequests(Duration.ofSeconds(1)));
        assertThat(Fault.parse("429-bare")).isEqualTo(Fault.tooManyRequests());
        assertThat(Fault.parse("slow=500ms").duration()).isEqualTo(Duration.ofMillis(500));
        assertThat(Fault.parse("late=2s@POST /api/v1/sources/create"))
                .isEqualTo(Fault.late(Duration.ofSeconds(2)).on("POST /api/v1/sources/create"));
        assertThat(Fault.parse("late")).isEqualTo(Fault.late(Duration.ofSeconds(5)));
        assertThat(Fault.parse("drop")).isEqualTo(Fault.dropAnswer());
        assertThat(Fault.parse("expired-token:2").calls()).isEqualTo(2);
        assertThat(Fault.parse("malformed@POST /v1/sources").target()).isEqualTo("POST /v1/sources");
    }

    @Test
    void unknownKind_isRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> Fault.parse("418"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("use 429, 429-bare, 500, 502, 503, 504, slow, late, drop, malformed, expired-token,"
                        + " check-auth or check-fail");
    }

    @Test
    void garbage_isRefusedWithTheFormat() {
        assertThatThrownBy(() -> Fault.parse("slow for a while"))
                .hasMessageContaining("write KIND[=DURATION][:CALLS][@TARGET]");
    }

    @Test
    void methodAndPath_matchOnlyThatCall() {
        Fault fault = Fault.serverError(502).on("POST /v1/sources");

        assertThat(fault.matches("POST", "/v1/sources")).isTrue();
        assertThat(fault.matches("POST", "/v1/sources/initiateOAuth")).isFalse();
        assertThat(fault.matches("GET", "/v1/sources")).isFalse();
    }

    @Test
    void trailingStar_matchesAPathPrefix() {
        Fault fault = Fault.serverError(502).on("DELETE /v1/sources/*");

        assertThat(fault.matches("DELETE", "/v1/sources/5b1f0a3e")).isTrue();
        assertThat(fault.matches("DELETE", "/v1/streams")).isFalse();
    }

    @Test
    void armedFaults_areUsedUpInOrderOneCallAtATime() {
        Faults faults = new Faults();
        faults.arm(Fault.serverError(503).times(2));
        faults.arm(Fault.malformedJson());

        assertThat(faults.take("GET", "/v1/workspaces", true)).hasValueSatisfying(f -> assertThat(f.kind()).isEqualTo(Fault.Kind.SERVICE_UNAVAILABLE));
        assertThat(faults.take("GET", "/v1/workspaces", true)).hasValueSatisfying(f -> assertThat(f.kind()).isEqualTo(Fault.Kind.SERVICE_UNAVAILABLE));
        assertThat(faults.take("GET", "/v1/workspaces", true)).hasValueSatisfying(f -> assertThat(f.kind()).isEqualTo(Fault.Kind.MALFORMED_JSON));
        assertThat(faults.take("GET", "/v1/workspaces", true)).isEmpty();
        assertThat(faults.pending()).isZero();
    }

    @Test
    void expiredToken_skipsCallsThatNeedNoToken() {
        Faults faults = new Faults();
        faults.arm(Fault.expiredToken());

        assertThat(faults.take("POST", "/v1/applications/token", false)).isEmpty();
        assertThat(faults.take("GET", "/v1/workspaces", true)).isPresent();
    }

    @Test
    void configApiServiceUnavailable_isAProxyPageOnceThenTheNormalAnswer() {
        try (AirbyteSimulator simulator = AirbyteSimulator.start(Duration.ZERO)) {
            WireClient wire = new WireClient(simulator.apiBaseUrl());
            simulator.faults().arm(Fault.serverError(503));
            Map<String, String> body = Map.of("organizationId", ConfigApi.DEFAULT_ORGANIZATION_ID);

            Answer failed = wire.post("workspaces/list_by_organization_id", body);
            Answer normal = wire.post("workspaces/list_by_organization_id", body);

            assertThat(failed.status()).isEqualTo(503);
            assertThat(failed.response().headers().firstValue("Content-Type")).hasValue("text/html");
            assertThat(normal.status()).isEqualTo(200);
            assertThat(simulator.calls()).hasSize(2);
        }
    }

    @Test
    void configApiServerError_hasAirbytesErrorShape() {
        try (AirbyteSimulator simulator = AirbyteSimulator.start(Duration.ZERO)) {
            simulator.faults().arm(Fault.serverError(500));

            Answer failed = new WireClient(simulator.apiBaseUrl()).post("workspaces/list_by_organization_id",
                    Map.of("organizationId", ConfigApi.DEFAULT_ORGANIZATION_ID));

            assertThat(failed.status()).isEqualTo(500);
            assertThat(failed.json().path("message").asText()).contains("simulated failure");
        }
    }

    @Test
    void tooManyRequests_saysHowLongToWaitUnlessArmedBare() {
        try (AirbyteSimulator simulator = AirbyteSimulator.start(Duration.ZERO)) {
            WireClient wire = new WireClient(simulator.apiBaseUrl());
            simulator.faults().arm(Fault.tooManyRequests(Duration.ofSeconds(7)));
            simulator.faults().arm(Fault.tooManyRequests());
            Map<String, String> body = Map.of("organizationId", ConfigApi.DEFAULT_ORGANIZATION_ID);

            Answer withWait = wire.post("workspaces/list_by_organization_id", body);
            Answer bare = wire.post("workspaces/list_by_organization_id", body);

            assertThat(withWait.status()).isEqualTo(429);
            assertThat(withWait.response().headers().firstValue("Retry-After")).hasValue("7");
            assertThat(bare.status()).isEqualTo(429);
            assertThat(bare.response().headers().firstValue("Retry-After")).isEmpty();
        }
    }

    @Test
    void malformedJson_isCutOffMidway() {
        try (AirbyteSimulator simulator = AirbyteSimulator.start(Duration.ZERO)) {
            simulator.faults().arm(Fault.malformedJson());

            Answer answer = new WireClient(simulator.apiBaseUrl()).post("workspaces/list_by_organization_id",
                    Map.of("organizationId", ConfigApi.DEFAULT_ORGANIZATION_ID));

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().isMissingNode()).isTrue();
        }
    }

    @Test
    void disarming_dropsTheFaultsArmedForTheNextCalls_butAHeldScenarioPlaysOn() {
        Faults faults = new Faults();
        faults.arm(Fault.serverError(503));
        faults.hold(Fault.slow(Duration.ofMillis(10)));

        faults.disarm();

        assertThat(faults.pending()).isZero();
        assertThat(faults.take("GET", "/api/v1/workspaces/list", false)).contains(Fault.slow(Duration.ofMillis(10)));
        assertThat(faults.take("GET", "/api/v1/workspaces/list", false)).contains(Fault.slow(Duration.ofMillis(10)));
    }
}
