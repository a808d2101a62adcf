package dev.onramp.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The person's side of a simulated Airbyte Cloud sign-in over plain HTTP: press Allow or Deny on
 * the provider's consent page and follow the redirects through Airbyte's OAuth callback, up to
 * where Airbyte sends the browser (the relay) or the page that stays.
 */
public final class CloudConsent {
    /** The last answer: its status, and where it redirects to (for a 302). */
    public record Landing(int status, URI location, String body) {
        /** The decoded query parameters of the redirect target. */
        public Map<String, String> query() {
            Map<String, String> params = new LinkedHashMap<>();
            for (String pair : location.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                params.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            }
            return params;
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** Presses Allow and returns the redirect Airbyte's callback answered with. */
    public Landing allow(URI consentUrl) {
        return press(consentUrl, "allow");
    }

    /** Presses Deny and returns what Airbyte's callback answered. */
    public Landing deny(URI consentUrl) {
        return press(consentUrl, "deny");
    }

    /** Presses Allow and returns the provider's redirect to Airbyte's callback, without following it. */
    public URI allowUpToAirbytesCallback(URI consentUrl) {
        String state = query(consentUrl).get("state");
        HttpResponse<String> decided = send(HttpRequest.newBuilder(consentUrl.resolve("decision"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("state=" + state + "&decision=allow")));
        return consentUrl.resolve(decided.headers().firstValue("Location").orElseThrow(
                () -> new IllegalStateException("Pressing Allow answered HTTP " + decided.statusCode() + ": " + decided.body())));
    }

    private Landing press(URI consentUrl, String decision) {
        HttpResponse<String> page = send(HttpRequest.newBuilder(consentUrl).GET());
        if (page.statusCode() != 200) {
            throw new IllegalStateException("The consent page answered HTTP " + page.statusCode() + ": " + page.body());
        }
        String state = query(consentUrl).get("state");
        HttpResponse<String> decided = send(HttpRequest.newBuilder(consentUrl.resolve("decision"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("state=" + state + "&decision=" + decision)));
        URI callback = consentUrl.resolve(decided.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> answer = send(HttpRequest.newBuilder(callback).GET());
        return new Landing(answer.statusCode(), answer.headers().firstValue("Location").map(URI::create).orElse(null),
                answer.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> query(URI uri) {
        return new Landing(0, uri, "").query();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
