package dev.onramp.demo;

import dev.onramp.oauth.BrowserLauncher;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.LoggerFactory;

/**
 * Answers the simulator's consent page with Allow in place of a person at the browser, so that the
 * installer's AOT training run can make one demo connection (installer/BuildInstaller.java). It
 * opens only consent pages of a simulator on this computer and refuses every other link.
 */
public final class TrainingConsent implements BrowserLauncher {
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost");
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(STEP_TIMEOUT)
            .build();

    /** Answers in the background, as a browser opens a page while the app goes on waiting. */
    @Override
    public boolean open(URI url) {
        Optional<String> sourceType = consentPageOf(url);
        if (sourceType.isEmpty()) {
            return false;
        }
        Thread.ofVirtual().name("onramp-training-consent").start(() -> allow(url, sourceType.get()));
        return true;
    }

    /** The connector whose consent page {@code url} is ({@code http://127.0.0.1:<port>/oauth/<type>/authorize}). */
    private static Optional<String> consentPageOf(URI url) {
        String[] path = Optional.ofNullable(url.getPath()).orElse("").split("/");
        boolean consentPage = "http".equals(url.getScheme()) && LOOPBACK.contains(url.getHost())
                && path.length == 4 && path[1].equals("oauth") && path[3].equals("authorize");
        return consentPage ? Optional.of(path[2]) : Optional.empty();
    }

    private void allow(URI consentPage, String sourceType) {
        try {
            send(HttpRequest.newBuilder(consentPage).GET());
            String state = Exchanges.parseForm(consentPage.getRawQuery()).getOrDefault("state", "");
            HttpResponse<String> decided = send(HttpRequest.newBuilder(consentPage.resolve("decision"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            Exchanges.encodeForm(Map.of("decision", "allow", "state", state)))));
            Optional<URI> redirect = decided.headers().firstValue("Location").map(URI::create);
            if (redirect.isEmpty()) {
                throw new IOException("the consent page answered Allow with status " + decided.statusCode());
            }
            send(HttpRequest.newBuilder(redirect.get()).GET());
        } catch (IOException e) {
            LoggerFactory.getLogger(TrainingConsent.class).warn("The training run could not allow {}: {}",
                    sourceType, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(STEP_TIMEOUT).build(), BodyHandlers.ofString());
    }
}
