package dev.onramp.oauth;

import dev.onramp.model.RedirectSettings;
import dev.onramp.oauth.LoopbackHttpServer.Limits;
import dev.onramp.oauth.LoopbackHttpServer.Request;
import dev.onramp.oauth.LoopbackHttpServer.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's loopback redirect ports: one listener per port serves every sign-in waiting on it
 * and hands each callback to the flow whose state it carries; a port closes when no flow waits.
 *
 * <p>A fixed range is tried in order: a port this process already listens on is shared, a port
 * another program holds is skipped (a second Onramp takes the next one), and when every port is
 * taken the wait is refused with {@link RedirectPortsBusyException}, never moved to a port nobody
 * registered. With "localhost" the port must be free on ::1 too, where a browser may try first.
 */
public final class LoopbackRedirects {
    private static final Logger log = LoggerFactory.getLogger(LoopbackRedirects.class);

    private final Limits limits;
    private final Map<Integer, SharedPort> ports = new HashMap<>();

    /** Redirect ports with the standard limits on slow or oversized requests. */
    public LoopbackRedirects() {
        this(Limits.DEFAULT);
    }

    LoopbackRedirects(Limits limits) {
        this.limits = limits;
    }

    /**
     * Starts a flow's wait for its callback on the redirect {@code settings} describe; the wait ends
     * after {@code timeout}, and the port closes with the last wait on it.
     *
     * @throws RedirectPortsBusyException when every port of a fixed range is held by another program
     * @throws UncheckedIOException when no loopback port can be opened at all
     */
    public LoopbackReceiver open(RedirectSettings settings, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The wait for the sign-in redirect needs a positive timeout, not " + timeout);
        }
        synchronized (this) {
            SharedPort port = settings.anyPort() ? freePort(settings) : portOfRange(settings);
            LoopbackReceiver receiver = new LoopbackReceiver(settings.uri(port.number), port.v4.address(),
                    waiting -> release(port, waiting));
            port.waiting.add(receiver);
            receiver.startTimer(timeout);
            log.debug("Waiting for a sign-in redirect on port {} ({} flow(s) there)", port.number, port.waiting.size());
            return receiver;
        }
    }

    /** The ports this process listens on for redirects now (for diagnostics and tests). */
    public synchronized Set<Integer> listening() {
        return Set.copyOf(ports.keySet());
    }

    private SharedPort freePort(RedirectSettings settings) {
        try {
            SharedPort port = bindPort(0, settings.host() == RedirectSettings.Host.LOCALHOST).orElseThrow(() ->
                    new IOException("the port the system picked is taken on ::1"));
            ports.put(port.number, port);
            return port;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Onramp could not listen on 127.0.0.1 for the sign-in redirect: " + e.getMessage()
                            + ". Check that no firewall or security tool blocks local connections.",
                    e);
        }
    }

    private SharedPort portOfRange(RedirectSettings settings) {
        boolean bothAddresses = settings.host() == RedirectSettings.Host.LOCALHOST;
        for (int number : settings.ports()) {
            SharedPort shared = ports.get(number);
            if (shared != null && !shared.anyPort && !(bothAddresses && shared.v6Foreign)) {
                return shared;
            }
        }
        List<Integer> busy = new ArrayList<>();
        for (int number : settings.ports()) {
            if (ports.containsKey(number)) {
                busy.add(number);
                continue;
            }
            try {
                Optional<SharedPort> bound = bindPort(number, bothAddresses);
                if (bound.isPresent()) {
                    ports.put(number, bound.get());
                    return bound.get();
                }
            } catch (BindException inUse) {
                log.debug("Redirect port {} is in use: {}", number, inUse.getMessage());
            } catch (IOException e) {
                log.debug("Redirect port {} cannot be opened: {}", number, e.toString());
            }
            busy.add(number);
        }
        throw RedirectPortsBusyException.of(busy, PortHolders::describe);
    }

    /**
     * Binds 127.0.0.1 on {@code number} and, where the computer has IPv6, ::1 on the same port.
     * Empty when {@code needIpv6} and ::1 is held by another program, which a browser asking for
     * "localhost" could reach first.
     */
    private Optional<SharedPort> bindPort(int number, boolean needIpv6) throws IOException {
        LoopbackHttpServer v4 = LoopbackHttpServer.bind(LoopbackHttpServer.IPV4, number, limits);
        int bound = v4.address().getPort();
        Optional<LoopbackHttpServer> v6 = Optional.empty();
        boolean v6Foreign = false;
        try {
            v6 = Optional.of(LoopbackHttpServer.bind(LoopbackHttpServer.IPV6, bound, limits));
        } catch (BindException e) {
            // "Cannot assign requested address" means no IPv6 here, so no browser reaches ::1 either.
            v6Foreign = !String.valueOf(e.getMessage()).contains("assign");
        } catch (IOException | RuntimeException e) {
            log.debug("No ::1 listener on redirect port {}: {}", bound, e.toString());
        }
        if (needIpv6 && v6Foreign) {
            v4.close();
            return Optional.empty();
        }
        SharedPort port = new SharedPort(bound, number == 0, v4, v6, v6Foreign);
        v4.start(port::handle);
        v6.ifPresent(server -> server.start(port::handle));
        return Optional.of(port);
    }

    private void release(SharedPort port, LoopbackReceiver receiver) {
        synchronized (this) {
            port.waiting.remove(receiver);
            if (!port.waiting.isEmpty() || ports.get(port.number) != port) {
                return;
            }
            ports.remove(port.number);
        }
        port.close();
        log.debug("Closed redirect port {}", port.number);
    }

    /** One port's listeners and the flows waiting on it. */
    private static final class SharedPort {
        final int number;
        final boolean anyPort;
        final LoopbackHttpServer v4;
        final Optional<LoopbackHttpServer> v6;
        final boolean v6Foreign;
        final Set<LoopbackReceiver> waiting = ConcurrentHashMap.newKeySet();

        SharedPort(int number, boolean anyPort, LoopbackHttpServer v4, Optional<LoopbackHttpServer> v6,
                boolean v6Foreign) {
            this.number = number;
            this.anyPort = anyPort;
            this.v4 = v4;
            this.v6 = v6;
            this.v6Foreign = v6Foreign;
        }

        Response handle(Request request) {
            if (!RedirectSettings.PATH.equals(request.rawPath())) {
                return Response.text(404, "Not found.");
            }
            if (!"GET".equals(request.method())) {
                return new Response(405, "text/plain; charset=utf-8",
                        "Only GET is allowed here.".getBytes(StandardCharsets.UTF_8), Map.of("Allow", "GET"), () -> {});
            }
            // The only thing a landing page takes from the request: which language it speaks.
            Locale language = LandingLanguage.of(request.acceptLanguage());
            Optional<Map<String, String>> params = QueryParams.parse(request.rawQuery().orElse(""));
            if (params.isEmpty()) {
                log.warn("Refused a sign-in redirect with a malformed or repeated query parameter");
                return LoopbackReceiver.page(400, LandingPage.ERROR, language);
            }
            // Every waiting flow is compared, each in constant time, so timing tells nothing either.
            LoopbackReceiver owner = null;
            for (LoopbackReceiver receiver : waiting) {
                if (receiver.bindingMatches(params.get()) && owner == null) {
                    owner = receiver;
                }
            }
            if (owner == null) {
                log.warn("Refused a sign-in redirect whose state or nonce does not belong to a pending flow");
                return LoopbackReceiver.page(400, LandingPage.ERROR, language);
            }
            return owner.accept(params.get(), language);
        }

        void close() {
            v4.close();
            v6.ifPresent(LoopbackHttpServer::close);
        }
    }
}
