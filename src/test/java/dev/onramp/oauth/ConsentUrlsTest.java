package dev.onramp.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Reading the flow's state out of a consent URL. */
class ConsentUrlsTest {
    @Test
    void state_isReadFromTheProvidersAuthorizationUrl() {
        URI consent = URI.create("https://accounts.google.com/o/oauth2/v2/auth?access_type=offline"
                + "&client_id=123.apps.googleusercontent.com"
                + "&redirect_uri=http%3A%2F%2F127.0.0.1%3A53682%2Foauth-success&response_type=code"
                + "&scope=https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fanalytics.readonly&state=qWeRtYu");

        assertThat(ConsentUrls.state(consent)).contains("qWeRtYu");
    }

    @Test
    void state_isDecoded() {
        assertThat(ConsentUrls.state("https://example.com/authorize?state=a%2Bb%3D&x=1")).contains("a+b=");
    }

    @Test
    void urlWithoutState_hasNoState() {
        assertThat(ConsentUrls.state("https://example.com/authorize?client_id=1")).isEmpty();
    }

    @Test
    void urlWithEmptyState_hasNoState() {
        assertThat(ConsentUrls.state("https://example.com/authorize?state=&client_id=1")).isEmpty();
    }

    @Test
    void urlWithTwoStates_hasNoState() {
        assertThat(ConsentUrls.state("https://example.com/authorize?state=a&state=b")).isEmpty();
    }

    @Test
    void textThatIsNotAUrl_hasNoState() {
        assertThat(ConsentUrls.state("https://exa mple.com/?state=a")).isEmpty();
    }
}
