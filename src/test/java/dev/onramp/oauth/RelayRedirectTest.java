package dev.onramp.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The address a Cloud sign-in returns to: the operator's relay with port and a fresh 256-bit nonce. */
class RelayRedirectTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void relayAddress_getsThePortAndTheNonceInItsQuery() {
        RelayRedirect redirect = RelayRedirect.create(URI.create("https://relay.example.com/onramp/"), 51234, random);

        assertThat(redirect.url().toString()).isEqualTo("https://relay.example.com/onramp/?port=51234&nonce=" + redirect.nonce());
    }

    @Test
    void nonce_isTwoHundredFiftySixRandomBitsInUrlSafeBase64() {
        RelayRedirect first = RelayRedirect.create(URI.create("https://relay.example.com/"), 1, random);
        RelayRedirect second = RelayRedirect.create(URI.create("https://relay.example.com/"), 1, random);

        assertThat(first.nonce()).matches("[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(first.nonce())).hasSize(32);
        assertThat(second.nonce()).isNotEqualTo(first.nonce());
    }

    @Test
    void relayWithAQueryOfItsOwn_keepsIt() {
        RelayRedirect redirect = RelayRedirect.create(URI.create("https://example.github.io/relay/index.html?v=2"), 8080, random);

        assertThat(redirect.url().toString()).startsWith("https://example.github.io/relay/index.html?v=2&port=8080&nonce=");
    }

    @Test
    void relayWithAFragment_losesItBecauseAirbyteWouldToo() {
        RelayRedirect redirect = RelayRedirect.create(URI.create("https://relay.example.com/#top"), 8080, random);

        assertThat(redirect.url().toString()).startsWith("https://relay.example.com/?port=8080&nonce=").doesNotContain("#");
    }

    @Test
    void plainHttpRelay_isRefused() {
        assertThatThrownBy(() -> RelayRedirect.create(URI.create("http://relay.example.com/"), 8080, random))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https");
    }

    @Test
    void receiver_givesItsPort() {
        try (LoopbackReceiver receiver = LoopbackReceiver.open(Duration.ofSeconds(30))) {
            RelayRedirect redirect = RelayRedirect.create(URI.create("https://relay.example.com/"), receiver, random);

            assertThat(redirect.url().getRawQuery()).startsWith("port=" + receiver.redirectUri().getPort() + "&");
        }
    }

    @Test
    void description_hidesTheNonce() {
        RelayRedirect redirect = RelayRedirect.create(URI.create("https://relay.example.com/"), 1, random);

        assertThat(redirect.toString()).doesNotContain(redirect.nonce());
    }
}
