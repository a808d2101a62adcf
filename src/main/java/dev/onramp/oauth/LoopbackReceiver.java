package dev.onramp.oauth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Accepts exactly one redirect on 127.0.0.1 whose state matches the pending flow. */
public final class LoopbackReceiver implements AutoCloseable {
    /** The one path the redirect may use; every other path is answered 404. */
    public static final String PATH = "/oauth-success";

    private static final Logger log = LoggerFactory.getLogger(LoopbackReceiver.class);
    private static final byte[] IPV4_LOOPBACK = {127, 0, 0, 1};

    private final HttpServer server;
    private final ExecutorService handlers;
    private final URI redirectUri;
    private final CompletableFuture<CallbackResult> result = new CompletableFuture<>();
    private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.WAITING);
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile Expected expected;

    private LoopbackReceiver(HttpServer server, ExecutorService handlers) {
        this.server = server;
        this.handlers = handlers;
        InetSocketAddress bound = server.getAddress();
        this.redirectUri = URI.create(
                "http://" + bound.getAddress().getHostAddress() + ":" + bound.getPort() + PATH);
        // A caller that cancels the future itself must not leave the port open.
        result.whenComplete((callback, failure) -> {
            phase.compareAndSet(Phase.WAITING, Phase.ENDED);
            stop();
        });
    }

    /** Binds 127.0.0.1 on an OS-chosen port and starts the wait, which ends after {@code timeout}. */
    public static LoopbackReceiver open(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The wait for the sign-in redirect needs a positive timeout, not " + timeout);
        }
        ExecutorService handlers = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("onramp-loopback-", 0).factory());
        HttpServer server;
        try {
            // 127.0.0.1 by its bytes: getLoopbackAddress() may answer ::1, and the wildcard
            // address would let any machine on the network deliver a redirect.
            InetAddress loopback = InetAddress.getByAddress("localhost", IPV4_LOOPBACK);
            server = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
        } catch (IOException e) {
            handlers.shutdown();
            throw new UncheckedIOException(
                    "Onramp could not listen on 127.0.0.1 for the sign-in redirect: " + e.getMessage()
                            + ". Check that no firewall or security tool blocks local connections.",
                    e);
        }
        server.setExecutor(handlers);
        LoopbackReceiver receiver = new LoopbackReceiver(server, handlers);
        server.createContext("/", receiver::handle);
        server.start();
        CompletableFuture.delayedExecutor(timeout.toNanos(), TimeUnit.NANOSECONDS)
                .execute(() -> receiver.timeOut(timeout));
        log.debug("Waiting for the sign-in redirect on port {}", server.getAddress().getPort());
        return receiver;
    }

    /** {@code http://127.0.0.1:<bound port>/oauth-success}. */
    public URI redirectUri() {
        return redirectUri;
    }

    /** Sets the state a callback must carry; callbacks before this are refused. */
    public void expectState(String state) {
        expect("state", state);
    }

    /**
     * Sets the nonce a callback must carry in its {@code nonce} parameter instead of a state: the
     * Cloud sign-in comes back through the https relay, which forwards the flow's nonce with the
     * {@code secret_id}. Callbacks before this are refused.
     */
    public void expectNonce(String nonce) {
        expect("nonce", nonce);
    }

    private void expect(String parameter, String value) {
        Objects.requireNonNull(value, parameter);
        if (value.isEmpty()) {
            throw new IllegalArgumentException("The expected " + parameter + " of a sign-in redirect cannot be empty");
        }
        expected = new Expected(parameter, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Completes with the accepted callback (also one with {@code error=}); exceptionally with
     * {@link CallbackTimeoutException} after the timeout or {@link java.util.concurrent.CancellationException}
     * after {@link #cancel()}.
     */
    public CompletableFuture<CallbackResult> result() {
        return result;
    }

    /**
     * Stops waiting: the port closes and {@link #result()} ends with a CancellationException,
     * unless a callback was already accepted, which then still completes it.
     */
    public void cancel() {
        boolean stillWaiting = phase.compareAndSet(Phase.WAITING, Phase.ENDED);
        stop();
        if (stillWaiting) {
            result.cancel(false);
        }
    }

    /** Same as {@link #cancel()}; harmless once the wait has ended. */
    @Override
    public void close() {
        cancel();
    }

    private void timeOut(Duration timeout) {
        if (!phase.compareAndSet(Phase.WAITING, Phase.ENDED)) {
            return;
        }
        stop();
        result.completeExceptionally(new CallbackTimeoutException(
                "No answer came back from the browser within " + describe(timeout)
                        + ": start connecting again and finish the sign-in in the browser."));
    }

    private void handle(HttpExchange exchange) {
        Verdict verdict = judge(exchange);
        try (exchange) {
            send(exchange, verdict);
        } catch (IOException browserWentAway) {
            log.debug("The browser closed the connection before its landing page was sent", browserWentAway);
        }
        verdict.accepted().ifPresent(callback -> {
            // The port closes before the caller hears of the callback, so nothing arrives after it.
            stop();
            result.complete(callback);
        });
    }

    private Verdict judge(HttpExchange exchange) {
        if (!PATH.equals(exchange.getRequestURI().getRawPath())) {
            return Verdict.text(404, "Not found.");
        }
        if (!"GET".equals(exchange.getRequestMethod())) {
            return Verdict.text(405, "Only GET is allowed here.");
        }
        Optional<Map<String, String>> params = QueryParams.parse(exchange.getRequestURI().getRawQuery());
        if (params.isEmpty()) {
            log.warn("Refused a sign-in redirect with a malformed or repeated query parameter");
            return Verdict.page(400, LandingPage.ERROR);
        }
        if (!bindingMatches(params.get())) {
            log.warn("Refused a sign-in redirect whose state or nonce does not belong to the pending flow");
            return Verdict.page(400, LandingPage.ERROR);
        }
        if (!phase.compareAndSet(Phase.WAITING, Phase.ACCEPTED)) {
            log.warn("Refused a sign-in redirect that arrived after the wait had ended");
            return Verdict.page(410, LandingPage.ERROR);
        }
        CallbackResult callback = new CallbackResult(params.get());
        LandingPage page = callback.error().isPresent() ? LandingPage.DECLINED : LandingPage.SUCCESS;
        return new Verdict(200, "text/html; charset=utf-8", page.html(), Optional.of(callback));
    }

    /** Compares in constant time, so that the answer's timing tells nothing about the expected value. */
    private boolean bindingMatches(Map<String, String> params) {
        Expected binding = expected;
        if (binding == null) {
            return false;
        }
        String given = params.get(binding.parameter());
        return given != null && MessageDigest.isEqual(binding.value(), given.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, Verdict verdict) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", verdict.contentType());
        headers.set("Cache-Control", "no-store");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
        if (verdict.status() == 405) {
            headers.set("Allow", "GET");
        }
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(verdict.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(verdict.status(), verdict.body().length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(verdict.body());
        }
    }

    private void stop() {
        if (stopped.compareAndSet(false, true)) {
            server.stop(0);
            handlers.shutdown();
            log.debug("Stopped waiting for the sign-in redirect");
        }
    }

    private static String describe(Duration timeout) {
        long minutes = timeout.toMinutes();
        if (minutes >= 1 && timeout.toSecondsPart() == 0) {
            return minutes == 1 ? "1 minute" : minutes + " minutes";
        }
        long seconds = Math.max(1, timeout.toSeconds());
        return seconds == 1 ? "1 second" : seconds + " seconds";
    }

    /** Where the wait stands; exactly one callback, cancel or timeout moves it on from WAITING. */
    private enum Phase {
        WAITING,
        ACCEPTED,
        ENDED
    }

    /** The query parameter that binds a callback to the flow (state or nonce) and its value. */
    private record Expected(String parameter, byte[] value) {}

    /** How one request is answered, and the callback it delivers when it is the accepted one. */
    private record Verdict(int status, String contentType, byte[] body, Optional<CallbackResult> accepted) {
        static Verdict page(int status, LandingPage page) {
            return new Verdict(status, "text/html; charset=utf-8", page.html(), Optional.empty());
        }

        static Verdict text(int status, String message) {
            return new Verdict(status, "text/plain; charset=utf-8",
                    message.getBytes(StandardCharsets.UTF_8), Optional.empty());
        }
    }
}
