package dev.onramp.airbyte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onramp.airbyte.AirbyteException.Kind;
import dev.onramp.demo.AirbyteSimulator;
import dev.onramp.testing.ScriptedServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Airbyte's clock as the gateway reads it from the Date header, for the doctor's clock check. */
class ServerTimeTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void simulator_sendsItsClockInTheDateHeader() {
        try (AirbyteSimulator simulator = AirbyteSimulator.start(Duration.ZERO)) {
            Instant before = Instant.now().minusSeconds(1);

            Instant server = new ConfigApiGateway(simulator.apiBaseUrl(), TIMEOUT).serverTime().orElseThrow();

            assertThat(server).isBetween(before, Instant.now().plusSeconds(1));
        }
    }

    @Test
    void refusedCredentials_stillTellAirbytesClock() {
        try (ScriptedServer server = ScriptedServer.answering(401, "application/json", "{\"message\":\"Unauthorized\"}")) {
            assertThat(new ConfigApiGateway(server.apiBase(), TIMEOUT).serverTime()).isPresent();
        }
    }

    @Test
    void closedPort_isUnreachable() throws IOException {
        URI apiBase;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            apiBase = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/api");
        }

        assertThatThrownBy(() -> new ConfigApiGateway(apiBase, TIMEOUT).serverTime())
                .isInstanceOfSatisfying(AirbyteException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE));
    }
}
