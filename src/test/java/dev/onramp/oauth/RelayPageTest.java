package dev.onramp.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The relay page operators host ({@code resources/relay/index.html}) is one self-contained file:
 * nothing loaded from elsewhere, nothing sent anywhere but Onramp on 127.0.0.1, and a CSP that
 * allows exactly its own script and style. (RelayInChromiumTest runs it in a real browser.)
 */
class RelayPageTest {
    static final Path PAGE = Path.of("resources", "relay", "index.html");

    private final String html = read();

    private static String read() {
        try {
            return Files.readString(PAGE, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The relay page " + PAGE.toAbsolutePath() + " is missing", e);
        }
    }

    private String element(String name) {
        Matcher m = Pattern.compile("<" + name + ">(.*?)</" + name + ">", Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("the page has a <" + name + "> element").isTrue();
        return m.group(1);
    }

    private static String sha256(String text) throws Exception {
        return "'sha256-" + Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8))) + "'";
    }

    @Test
    void page_loadsNothingFromElsewhere() {
        assertThat(html).doesNotContainPattern("(?i)\\ssrc\\s*=")
                .doesNotContainPattern("(?i)<link\\b")
                .doesNotContainPattern("(?i)<(img|iframe|object|embed)\\b")
                .doesNotContainPattern("(?i)url\\(")
                .doesNotContainPattern("(?i)@import");
    }

    @Test
    void page_talksOnlyToOnrampOnTheLoopbackAddress() {
        assertThat(html).doesNotContainPattern("\\b(fetch|XMLHttpRequest|WebSocket|sendBeacon|EventSource)\\b");
        Matcher urls = Pattern.compile("(?i)https?://[^\\s\"'<)]*").matcher(html);
        while (urls.find()) {
            assertThat(urls.group()).as("every address the page names").startsWith("http://127.0.0.1");
        }
    }

    @Test
    void contentSecurityPolicy_allowsExactlyThePagesOwnScriptAndStyle() throws Exception {
        Matcher csp = Pattern.compile("http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\"").matcher(html);
        assertThat(csp.find()).isTrue();

        assertThat(csp.group(1))
                .startsWith("default-src 'none';")
                .contains("script-src " + sha256(element("script")) + ";")
                .contains("style-src " + sha256(element("style")) + ";");
    }

    @Test
    void page_sendsNoReferrer() {
        assertThat(html).contains("<meta name=\"referrer\" content=\"no-referrer\">");
    }

    @Test
    void forwardTarget_isTheReceiversPathWithTheNonce() {
        String script = element("script");

        assertThat(script).contains("\"http://127.0.0.1:\" + Number(p.port) + \"" + LoopbackReceiver.PATH + "?\"")
                .contains("\"&nonce=\" + encodeURIComponent(p.nonce)");
    }
}
