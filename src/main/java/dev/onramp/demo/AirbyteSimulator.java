package dev.onramp.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A self-managed Airbyte stand-in on 127.0.0.1: the Config API endpoints Onramp uses, with the
 * same shapes and rules, and a local consent page per provider.
 */
public final class AirbyteSimulator implements AutoCloseable {
    static final String WORKSPACE_NAME = "Demo workspace";

    private static final Logger LOG = LoggerFactory.getLogger(AirbyteSimulator.class);
    private static final int THREADS = 4;

    private final HttpServer server;
    private final ExecutorService executor;
    private final OAuthLedger ledger;
    private final String workspaceId;
    private final URI origin;

    private AirbyteSimulator(HttpServer server, ExecutorService executor, OAuthLedger ledger, String workspaceId) {
        this.server = server;
        this.executor = executor;
        this.ledger = ledger;
        this.workspaceId = workspaceId;
        this.origin = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Starts on an OS-chosen port; {@code latency} is added to every API call. */
    public static AirbyteSimulator start(Duration latency) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("The simulator's latency cannot be negative: " + latency);
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("The Airbyte simulator could not listen on 127.0.0.1: " + e.getMessage(), e);
        }
        ObjectMapper json = new ObjectMapper();
        OAuthLedger ledger = new OAuthLedger(new SecureRandom());
        ExecutorService executor = Executors.newFixedThreadPool(THREADS,
                Thread.ofPlatform().name("airbyte-simulator-", 1).daemon().factory());
        AirbyteSimulator simulator = new AirbyteSimulator(server, executor, ledger, UUID.randomUUID().toString());
        ConfigApi api = new ConfigApi(json, DemoConnectors.bundled(json), ledger, simulator.workspaceId,
                simulator.origin, Clock.systemUTC());
        ApiHandler apiHandler = new ApiHandler(json, api.endpoints(), latency);
        ConsentPages consentPages = new ConsentPages(ledger, new ConsentHtml());
        server.createContext("/api/", apiHandler::handle);
        server.createContext("/oauth/", consentPages::handle);
        server.setExecutor(executor);
        server.start();
        LOG.info("Airbyte simulator listening on {}", simulator.apiBaseUrl());
        return simulator;
    }

    /** The API base, {@code http://127.0.0.1:<port>/api}; gateways append {@code /v1/...}. */
    public URI apiBaseUrl() {
        return origin.resolve("/api");
    }

    /** The id of the one workspace the simulator has. */
    public String workspaceId() {
        return workspaceId;
    }

    /** Every token and code it has issued so far (for tests proving none is stored in clear). */
    public Set<String> issuedSecrets() {
        return ledger.issuedSecrets();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        LOG.info("Airbyte simulator on {} stopped", origin);
    }
}
