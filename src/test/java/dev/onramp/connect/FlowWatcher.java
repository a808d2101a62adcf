package dev.onramp.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A listener that keeps a flow's steps and consent link, with waits for tests. */
final class FlowWatcher implements ConnectListener {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final List<ConnectStep> steps = new CopyOnWriteArrayList<>();
    private final CompletableFuture<URI> consentUrl = new CompletableFuture<>();

    @Override
    public void onStep(ConnectStep step) {
        steps.add(step);
    }

    @Override
    public void onConsentUrl(URI url, boolean browserOpened) {
        consentUrl.complete(url);
    }

    List<ConnectStep> steps() {
        return List.copyOf(steps);
    }

    /** The consent link, once the flow is waiting for the browser. */
    URI awaitConsentUrl() throws Exception {
        return consentUrl.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** The redirect URL Airbyte was given, as written in the consent link. */
    URI awaitRedirectUri() throws Exception {
        return URI.create(queryParam(awaitConsentUrl(), "redirect_uri"));
    }

    /** The state the consent link carries. */
    String awaitState() throws Exception {
        return queryParam(awaitConsentUrl(), "state");
    }

    static String queryParam(URI url, String name) {
        for (String pair : url.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("No " + name + " in " + url);
    }

    static ConnectOutcome outcomeOf(ConnectFlow flow) throws Exception {
        ConnectOutcome outcome = flow.outcome().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(outcome.flowId()).isEqualTo(flow.id());
        return outcome;
    }
}
