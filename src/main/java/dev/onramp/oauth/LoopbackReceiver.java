package dev.onramp.oauth;

import dev.onramp.model.RedirectSettings;
import dev.onramp.oauth.LoopbackHttpServer.Limits;
import dev.onramp.oauth.LoopbackHttpServer.Response;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One flow's wait for its sign-in redirect: accepts exactly one callback whose state (or nonce)
 * matches, on a loopback port it may share with other flows ({@link LoopbackRedirects}).
 */
public final class LoopbackReceiver implements AutoCloseable {
    /** The one path the redirect may use; every other path is answered 404. */
    public static final String PATH = RedirectSettings.PATH;
    /** How long a sign-in may take in the browser unless the caller says otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(LoopbackReceiver.class);
    private static final String HTML = "text/html; charset=utf-8";

    private final URI redirectUri;
    private final InetSocketAddress address;
    private final Consumer<LoopbackReceiver> release;
    private final CompletableFuture<CallbackResult> result = new CompletableFuture<>();
    private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.WAITING);
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile Thread timer;
    private volatile Expected expected;
    private volatile Optional<String> expectedIssuer = Optional.empty();

    LoopbackReceiver(URI redirectUri, InetSocketAddress address, Consumer<LoopbackReceiver> release) {
        this.redirectUri = redirectUri;
        this.address = address;
        this.release = release;
        // A caller that cancels the future itself must not leave the wait registered.
        result.whenComplete((callback, failure) -> {
            phase.compareAndSet(Phase.WAITING, Phase.ENDED);
            stop();
        });
    }

    /**
     * Binds 127.0.0.1 on an OS-chosen port of its own and starts the wait, which ends after
     * {@code timeout}; the port closes with the wait.
     */
    public static LoopbackReceiver open(Duration timeout) {
        return open(timeout, Limits.DEFAULT);
    }

    /** Same as {@link #open(Duration)} with other limits for slow or oversized requests (for tests). */
    static LoopbackReceiver open(Duration timeout, Limits limits) {
        return new LoopbackRedirects(limits).open(RedirectSettings.anyPort(RedirectSettings.Host.IPV4), timeout);
    }

    void startTimer(Duration timeout) {
        timer = Thread.ofVirtual().name("onramp-loopback-timeout").start(() -> timeOut(timeout));
    }

    /** {@code http://<host>:<port>/oauth-success}, naming the port that is really listening. */
    public URI redirectUri() {
        return redirectUri;
    }

    /** The address and port the receiver listens on: always 127.0.0.1. */
    public InetSocketAddress localAddress() {
        return address;
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

    /**
     * Judges a callback whose binding matched this wait; the answer the browser gets, a page in
     * {@code language}.
     */
    Response accept(Map<String, String> params, Locale language) {
        if (!issuerMatches(params.get("iss"))) {
            log.warn("Refused a sign-in redirect from another authorization server than the expected one");
            return page(400, LandingPage.ERROR, language);
        }
        CallbackResult callback = new CallbackResult(params);
        if (!carriesAnAnswer(callback)) {
            log.warn("Refused a sign-in redirect that carries neither a code nor an error");
            return page(400, LandingPage.ERROR, language);
        }
        if (!phase.compareAndSet(Phase.WAITING, Phase.ACCEPTED)) {
            log.warn("Refused a sign-in redirect that arrived after the wait had ended");
            return page(410, LandingPage.ERROR, language);
        }
        LandingPage landing = callback.error().isPresent() ? LandingPage.DECLINED : LandingPage.SUCCESS;
        // The wait is gone (and a port no other flow waits on closed) before the caller hears of the
        // callback, so nothing arrives for this flow after it.
        return new Response(200, HTML, landing.html(language), contentLanguage(language), () -> {
            stop();
            result.complete(callback);
        });
    }

    boolean bindingMatches(Map<String, String> params) {
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
     * code comes as {@code code}, or under the names Airbyte's OAuth flows read it from for two
     * providers: {@code spapi_oauth_code} (Amazon's Selling Partner) and {@code auth_code} (TikTok).
     */
    private static boolean carriesAnAnswer(CallbackResult callback) {
        Map<String, String> params = callback.params();
        return params.containsKey("code") || params.containsKey("spapi_oauth_code") || params.containsKey("auth_code")
                || params.containsKey("error")
                || params.containsKey("secret_id");
    }

    /** A landing page in {@code language} (one Onramp ships), the answer to a redirect. */
    static Response page(int status, LandingPage page, Locale language) {
        return new Response(status, HTML, page.html(language), contentLanguage(language), () -> {});
    }

    private static Map<String, String> contentLanguage(Locale language) {
        return Map.of("Content-Language", language.getLanguage());
    }

    private void stop() {
        if (stopped.compareAndSet(false, true)) {
            release.accept(this);
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
