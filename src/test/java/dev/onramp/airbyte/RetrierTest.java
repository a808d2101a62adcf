package dev.onramp.airbyte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onramp.testing.MutableClock;
import dev.onramp.testing.RecordingSleeper;
import dev.onramp.testing.ScriptedServer;
import dev.onramp.testing.ScriptedServer.Answer;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;

/** Which answers are tried again, how long Onramp waits in between, and when it gives up. */
class RetrierTest {
    private static final String JSON = "application/json";
    private static final Answer OK = new Answer(200, JSON, "{}");
    private static final Answer UNAVAILABLE = new Answer(503, JSON, "{}");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final Retrier retrier = new Retrier(
            new CallPolicy(Duration.ofSeconds(5), RetryPolicy.STANDARD, clock, sleeper, new SplittableRandom(7)));
    private final HttpClient http = HttpClient.newHttpClient();

    /** A call for the retrier, repeatable or not. */
    private record Call(boolean repeatable) implements ApiCall {
        @Override
        public dev.onramp.text.Text action() {
            return dev.onramp.text.Text.verbatim("do it");
        }
    }

    private static final Call READ = new Call(true);
    private static final Call CREATE = new Call(false);

    private HttpResponse<String> send(ScriptedServer server, Call call) throws Exception {
        return retrier.send(http, HttpRequest.newBuilder(server.apiBase()).GET().build(), call);
    }

    @Test
    void serviceUnavailableTwice_isTriedAgainUntilItSucceeds() throws Exception {
        try (ScriptedServer server = ScriptedServer.answeringInTurn(List.of(UNAVAILABLE, UNAVAILABLE, OK))) {
            HttpResponse<String> response = send(server, READ);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(server.requests()).hasSize(3);
        }
    }

    @Test
    void waitsGrowExponentiallyWithJitterInTheUpperHalf() throws Exception {
        try (ScriptedServer server = ScriptedServer.answeringInTurn(List.of(UNAVAILABLE, UNAVAILABLE, UNAVAILABLE, OK))) {
            send(server, READ);

            List<Duration> waits = sleeper.waits();
            assertThat(waits).hasSize(3);
            assertThat(waits.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
            assertThat(waits.get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
            assertThat(waits.get(2)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000));
        }
    }

    @Test
    void afterFourTries_theLastTransientAnswerIsReturned() throws Exception {
        try (ScriptedServer server = ScriptedServer.answeringInTurn(List.of(new Answer(502, "text/html", "<h1>502</h1>")))) {
            HttpResponse<String> response = send(server, READ);

            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(server.requests()).hasSize(4);
        }
    }

    @Test
    void retryAfterInSeconds_isWaitedExactly() throws Exception {
        try (ScriptedServer server = ScriptedServer.answeringInTurn(List.of(
                new Answer(429, JSON, "{}").withHeader("Retry-After", "3"), OK))) {
            send(server, READ);

            assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(3));
        }
    }

    @Test
    void retryAfterAsAnHttpDate_isWaitedUntilThen() throws Exception {
        String inFiveSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().plusSeconds(5).atOffset(ZoneOffset.UTC));
        try (ScriptedServer server = ScriptedServer.answeringInTurn(List.of(
                new Answer(429, JSON, "{}").withHeader("Retry-After", inFiveSeconds), OK))) {
            send(server, READ);

            assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(5));
        }
    }

    @Test
    void tooManyRequestsWithoutRetryAfter_backsOff() throws Exception {
        try (ScriptedServer server = ScriptedServer.answeringInTurn(List.of(new Answer(429, JSON, "{}"), OK))) {
            HttpResponse<String> response = send(server, READ);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(sleeper.waits()).singleElement().satisfies(wait ->
                    assertThat(wait).isBetween(Duration.ofMillis(250), Duration.ofMillis(500)));
        }
    }

    @Test
    void waitBeyondTheThirtySecondBudget_isNotTaken() throws Exception {
        try (ScriptedServer server = ScriptedServer.answeringInTurn(List.of(
                new Answer(429, JSON, "{}").withHeader("Retry-After", "20"), new Answer(429, JSON, "{}").withHeader("Retry-After", "20"),
                OK))) {
            HttpResponse<String> response = send(server, READ);

            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(20));
            assertThat(server.requests()).hasSize(2);
        }
    }

    @Test
    void createThatMetABadGateway_isNotSentAgain() throws Exception {
        try (ScriptedServer server = ScriptedServer.answeringInTurn(List.of(new Answer(502, "text/html", ""), OK))) {
            HttpResponse<String> response = send(server, CREATE);

            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(server.requests()).hasSize(1);
            assertThat(sleeper.waits()).isEmpty();
        }
    }

    @Test
    void createThatWasRateLimited_isSentAgainBecauseAirbyteDidNotActOnIt() throws Exception {
        try (ScriptedServer server = ScriptedServer.answeringInTurn(List.of(new Answer(429, JSON, "{}"), OK))) {
            HttpResponse<String> response = send(server, CREATE);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(server.requests()).hasSize(2);
        }
    }

    @Test
    void clientErrors_areNotTriedAgain() throws Exception {
        try (ScriptedServer server = ScriptedServer.answeringInTurn(List.of(new Answer(500, JSON, "{}"), OK))) {
            HttpResponse<String> response = send(server, READ);

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void connectTimeout_isTriedAgainEvenForACreate() throws Exception {
        try (ScriptedServer server = ScriptedServer.answeringInTurn(List.of(OK))) {
            AtomicInteger attempts = new AtomicInteger();
            HttpRequest request = HttpRequest.newBuilder(server.apiBase()).build();
            HttpClient slowToConnectTwice = new FailingClient(() -> {
                if (attempts.incrementAndGet() < 3) {
                    throw new HttpConnectTimeoutException("HTTP connect timed out");
                }
                return sendForReal(request);
            });

            HttpResponse<String> response = retrier.send(slowToConnectTwice, request, CREATE);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(attempts).hasValue(3);
            assertThat(sleeper.waits()).hasSize(2);
        }
    }

    private HttpResponse<String> sendForReal(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Test
    void connectTimeoutOnEveryTry_isRethrownAfterTheLast() {
        AtomicInteger attempts = new AtomicInteger();
        HttpClient neverConnects = new FailingClient(() -> {
            attempts.incrementAndGet();
            throw new HttpConnectTimeoutException("HTTP connect timed out");
        });

        assertThatThrownBy(() -> retrier.send(neverConnects, HttpRequest.newBuilder(URI.create("http://127.0.0.1:9/")).build(), READ))
                .isInstanceOf(HttpConnectTimeoutException.class);
        assertThat(attempts).hasValue(4);
    }

    /** What the stand-in client does on each send. */
    @FunctionalInterface
    private interface Attempt {
        HttpResponse<String> run() throws IOException;
    }

    /** An HTTP client whose sends fail as scripted, for failures a loopback server cannot produce. */
    private static final class FailingClient extends HttpClient {
        private final Attempt attempt;

        FailingClient(Attempt attempt) {
            this.attempt = attempt;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) throws IOException {
            return (HttpResponse<T>) attempt.run();
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                HttpResponse.PushPromiseHandler<T> push) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<CookieHandler> cookieHandler() {
            return Optional.empty();
        }

        @Override
        public Optional<Duration> connectTimeout() {
            return Optional.empty();
        }

        @Override
        public Redirect followRedirects() {
            return Redirect.NEVER;
        }

        @Override
        public Optional<ProxySelector> proxy() {
            return Optional.empty();
        }

        @Override
        public SSLContext sslContext() {
            throw new UnsupportedOperationException();
        }

        @Override
        public SSLParameters sslParameters() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Authenticator> authenticator() {
            return Optional.empty();
        }

        @Override
        public Version version() {
            return Version.HTTP_1_1;
        }

        @Override
        public Optional<Executor> executor() {
            return Optional.empty();
        }
    }
}
