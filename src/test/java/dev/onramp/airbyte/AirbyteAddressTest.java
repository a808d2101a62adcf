package dev.onramp.airbyte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onramp.AppContext;
import dev.onramp.AppOptions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Plain http only to this computer; https anywhere; everything else refused with a sentence. */
class AirbyteAddressTest {
    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8000/api", "http://LOCALHOST:8000", "http://127.0.0.1:8000/api",
            "http://127.8.9.10/api", "http://[::1]:8000/api", "https://airbyte.example.com/api",
            "https://10.0.0.5:8443/api", "HTTPS://Airbyte.Example.com"})
    void httpsAnywhereAndHttpOnLoopback_areAccepted(String url) {
        assertThat(AirbyteAddress.requireSafe(URI.create(url))).isEqualTo(URI.create(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://airbyte.example.com:8000/api", "http://10.0.0.5:8000/api", "http://0.0.0.0:8000",
            "http://[::ffff:10.0.0.1]:8000", "http://[fe80::1]:8000", "http://localhost.attacker.example:8000",
            "http://127.0.0.1.nip.io:8000", "http://192.168.1.20"})
    void plainHttpToAnotherHost_isRefusedWithASentenceNamingHttps(String url) {
        assertThatThrownBy(() -> AirbyteAddress.requireSafe(URI.create(url)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Onramp refuses the Airbyte address " + url)
                .hasMessageContaining("plain http is allowed only on this computer")
                .hasMessageContaining("Use https://" + URI.create(url).getRawAuthority() + " instead.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://airbyte.example.com/api", "file:///etc/passwd", "/api", "localhost:8000"})
    void addressesThatAreNotWebUrls_areRefused(String url) {
        assertThatThrownBy(() -> AirbyteAddress.requireSafe(URI.create(url)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not an Airbyte address Onramp can use");
    }

    @Test
    void gateway_refusesPlainHttpToAnotherHost() {
        assertThatThrownBy(() -> new ConfigApiGateway(URI.create("http://airbyte.example.com/api"), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plain http is allowed only on this computer");
    }

    @Test
    void appStart_refusesPlainHttpToAnotherHostBeforeTouchingTheDataFolder(@TempDir Path temp) {
        Path dataDir = temp.resolve("onramp");
        AppOptions options = new AppOptions(dataDir, Optional.of(URI.create("http://airbyte.example.com:8000/api")),
                url -> false, Duration.ZERO, Duration.ofMinutes(5));

        assertThatThrownBy(() -> AppContext.start(options)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("plain http is allowed only on this computer");
        assertThat(Files.exists(dataDir)).isFalse();
    }
}
