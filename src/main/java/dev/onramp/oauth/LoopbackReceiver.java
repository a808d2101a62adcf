package dev.onramp.oauth;

import dev.onramp.oauth.LoopbackHttpServer.Limits;
import dev.onramp.oauth.LoopbackHttpServer.Request;
import dev.onramp.oauth.LoopbackHttpServer.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Accepts exactly one redirect on 127.0.0.1 whose state matches the pending flow. */
public final class LoopbackReceiver implements AutoCloseable {
    /** The one path the redirect may use; every other path is answered 404. */
    public static final String PATH = "/oauth-success";
    /** How long a sign-in may take in the browser unless the caller says otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(LoopbackReceiver.class);
    private static final String HTML = "text/html; charset=utf-8";

    private final LoopbackHttpServer server;
    private final URI redirectUri;
    private final CompletableFuture<CallbackResult> result = new CompletableFuture<>();
    private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.WAITING);
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile Thread timer;
    private volatile Expected expected;
    private volatile Optional<String> expectedIssuer = Optional.empty();

    private LoopbackReceiver(LoopbackHttpServer server) {
        this.server = server;
        InetSocketAddress bound = server.address();
        // Built from the socket actually bound, so the URL names the port that is really listening.
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
        return open(timeout, Limits.DEFAULT);
    }

    /** Same as {@link #open(Duration)} with other limits for slow or oversized requests (for tests). */
    static LoopbackReceiver open(Duration timeout, Limits limits) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The wait for the sign-in redirect needs a positive timeout, not " + timeout);
        }
        LoopbackHttpServer server;
        try {
            server = LoopbackHttpServer.bind(limits);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Onramp could not listen on 127.0.0.1 for the sign-in redirect: " + e.getMessage()
                            + ". Check that no firewall or security tool blocks local connections.",
                    e);
        }
        LoopbackReceiver receiver = new LoopbackReceiver(server);
        server.start(receiver::handle);
        receiver.timer = Thread.ofVirtual().name("onramp-loopback-timeout").start(() -> receiver.timeOut(timeout));
        log.debug("Waiting for the sign-in redirect on port {}", server.address().getPort());
        return receiver;
    }

    /** {@code http://127.0.0.1:<bound port>/oauth-success}. */
    public URI redirectUri() {
        return redirectUri;
    }

    /** The address and port the receiver listens on: always 127.0.0.1. */
    public InetSocketAddress localAddress() {
        return server.address();
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
     * Sets the authorization server's issuer (RFC 9207): a callback whose {@code iss} names another
     * one is refused, as it comes from a mixed-up or malicious server. Without it, {@code iss} is
     * not checked.
     */
    public void expectIssuer(String issuer) {
        Objects.requireNonNull(issuer, "issuer");
        if (issuer.isEmpty()) {
            throw new IllegalArgumentException("The expected issuer of a sign-in redirect cannot be empty");
        }
        expectedIssuer = Optional.of(issuer);
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
        try {
            Thread.sleep(timeout);
        } catch (InterruptedException stoppedEarlier) {
            return;
        }
        if (!phase.compareAndSet(Phase.WAITING, Phase.ENDED)) {
            return;
        }
        stop();
        result.completeExceptionally(new CallbackTimeoutException(
                "No answer came back from the browser within " + describe(timeout)
                        + ": start connecting again and finish the sign-in in the browser."));
    }

    private Response handle(Request request) {
        if (!PATH.equals(request.rawPath())) {
            return Response.text(404, "Not found.");
        }
        if (!"GET".equals(request.method())) {
            return new Response(405, "text/plain; charset=utf-8",
                    "Only GET is allowed here.".getBytes(StandardCharsets.UTF_8), Map.of("Allow", "GET"), () -> {});
        }
        Optional<Map<String, String>> params = QueryParams.parse(request.rawQuery().orElse(""));
        if (params.isEmpty()) {
            log.warn("Refused a sign-in redirect with a malformed or repeated query parameter");
            return page(400, LandingPage.ERROR);
        }
        if (!bindingMatches(params.get())) {
            log.warn("Refused a sign-in redirect whose state or nonce does not belong to the pending flow");
            return page(400, LandingPage.ERROR);
        }
        if (!issuerMatches(params.get().get("iss"))) {
            log.warn("Refused a sign-in redirect from another authorization server than the expected one");
            return page(400, LandingPage.ERROR);
        }
        CallbackResult callback = new CallbackResult(params.get());
        if (!carriesAnAnswer(callback)) {
            log.warn("Refused a sign-in redirect that carries neither a code nor an error");
            return page(400, LandingPage.ERROR);
        }
        if (!phase.compareAndSet(Phase.WAITING, Phase.ACCEPTED)) {
            log.warn("Refused a sign-in redirect that arrived after the wait had ended");
            return page(410, LandingPage.ERROR);
        }
        LandingPage landing = callback.error().isPresent() ? LandingPage.DECLINED : LandingPage.SUCCESS;
        // The port closes before the caller hears of the callback, so nothing arrives after it.
        return new Response(200, HTML, landing.html(), Map.of(), () -> {
            stop();
            result.complete(callback);
        });
    }

    private boolean bindingMatches(Map<String, String> params) {
        Expected binding = expected;
        if (binding == null) {
            return false;
        }
        String given = params.get(binding.parameter());
        // Constant time: how long the comparison takes must not tell how much of a guess was right.
        return given != null && MessageDigest.isEqual(binding.value(), given.getBytes(StandardCharsets.UTF_8));
    }

    /** The query parameter that binds a callback to the flow (state or nonce) and its value. */
    private record Expected(String parameter, byte[] value) {}

    private boolean issuerMatches(String iss) {
        return iss == null || expectedIssuer.map(iss::equals).orElse(true);
    }

    /**
     * A redirect answers with a code, an error, or (through Airbyte Cloud's relay) a secret id. The
     * code comes as {@code code}, or as {@code spapi_oauth_code} from Amazon's Selling Partner
     * consent, the one provider Airbyte's OAuth flows read it under another name from.
     */
    private static boolean carriesAnAnswer(CallbackResult callback) {
        Map<String, String> params = callback.params();
        return params.containsKey("code") || params.containsKey("spapi_oauth_code") || params.containsKey("error")
                || params.containsKey("secret_id");
    }

    private static Response page(int status, LandingPage page) {
        return new Response(status, HTML, page.html(), Map.of(), () -> {});
    }

    private void stop() {
        if (stopped.compareAndSet(false, true)) {
            server.close();
            Thread waiting = timer;
            if (waiting != null && waiting != Thread.currentThread()) {
                waiting.interrupt();
            }
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
}
