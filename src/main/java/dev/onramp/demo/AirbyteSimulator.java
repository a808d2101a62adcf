package dev.onramp.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Airbyte stand-in on 127.0.0.1 that speaks both flavours Onramp uses, with the same shapes and
 * rules: a self-managed Airbyte's Config API under {@code /api/v1/}, Airbyte Cloud's public API
 * under {@code /v1/} (3-minute tokens, https-only redirects, problem bodies), a local consent page
 * per provider, and {@link Faults} that tests and {@code demo-server --fault} arm. With a
 * {@linkplain Builder#stateFolder state folder} its sources outlive it, as a real Airbyte's do, and
 * every simulator on that folder sees the same ones.
 */
public final class AirbyteSimulator implements AutoCloseable {
    static final String WORKSPACE_NAME = "Demo workspace";
    private static final String DEMO_WORKSPACE_ID =
            UUID.nameUUIDFromBytes("onramp demo workspace".getBytes(StandardCharsets.UTF_8)).toString();

    private static final Logger LOG = LoggerFactory.getLogger(AirbyteSimulator.class);
    private static final int THREADS = 4;

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI origin;
    private final Parts parts;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** What the simulator is made of, built before it starts listening. */
    private record Parts(String workspaceId, OAuthLedger ledger, Faults faults, FaultPlayer faultPlayer, ConfigApi configApi,
            CloudTokens cloudTokens, PublicApi publicApi, Optional<ConfigApiLogin> login, SimulatorState state,
            ConsentPages consentPages, CloudSignIns signIns) {}

    private AirbyteSimulator(HttpServer server, ExecutorService executor, URI origin, Parts parts) {
        this.server = server;
        this.executor = executor;
        this.origin = origin;
        this.parts = parts;
    }

    /** Starts on an OS-chosen port; {@code latency} is added to every API call. */
    public static AirbyteSimulator start(Duration latency) {
        return builder().latency(latency).start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The Config API base, {@code http://127.0.0.1:<port>/api}; gateways append {@code /v1/...}. */
    public URI apiBaseUrl() {
        return origin.resolve("/api");
    }

    /** The public API base, {@code http://127.0.0.1:<port>/v1}, standing in for {@code https://api.airbyte.com/v1}. */
    public URI publicApiBaseUrl() {
        return origin.resolve("/v1");
    }

    /**
     * The client id of the one application the simulated Cloud knows; with a state folder, the one kept
     * there (it is kept from the first time it is asked for).
     */
    public String cloudClientId() {
        return parts.state().changing(parts.cloudTokens()::clientId);
    }

    /** That application's client secret. */
    public String cloudClientSecret() {
        return parts.state().changing(parts.cloudTokens()::clientSecret);
    }

    /** The folder the simulator keeps its sources in, if it was started with one. */
    public Optional<Path> stateFolder() {
        return parts.state().folder();
    }

    /**
     * The basic-auth password of a protected Config API (the user is {@value ConfigApiLogin#USERNAME}).
     *
     * @throws IllegalStateException when the simulator was not started protected
     */
    public String configApiPassword() {
        return login().password();
    }

    /** The client id of the application a protected Config API knows. */
    public String configApiClientId() {
        return login().clientId();
    }

    /** That application's client secret. */
    public String configApiClientSecret() {
        return login().clientSecret();
    }

    private ConfigApiLogin login() {
        return parts.login().orElseThrow(() -> new IllegalStateException("This simulator's Config API is open;"
                + " start it with builder().protectedConfigApi()."));
    }

    /**
     * Makes the tokens in a source's configuration stop working, as when a person revokes the app
     * or the provider expires the grant: testing the source fails until it is reauthorized
     * ({@code sources/update} or {@code PATCH /v1/sources/{id}} with new tokens).
     *
     * @throws IllegalArgumentException when no such source exists
     */
    public void expireSourceTokens(String sourceId) {
        boolean found = parts.state().changing(() -> parts.configApi().expireTokens(sourceId)
                || parts.publicApi().expireTokens(sourceId));
        if (!found) {
            throw new IllegalArgumentException("The simulator has no source " + sourceId);
        }
    }

    /**
     * Whether the source signs in through OAuth, holding tokens {@link #expireSourceTokens} can revoke;
     * false for one made with typed credentials.
     *
     * @throws IllegalArgumentException when no such source exists
     */
    public boolean signsInByOAuth(String sourceId) {
        Optional<Boolean> oauth = parts.state().reading(() -> parts.configApi().signsInByOAuth(sourceId)
                .or(() -> parts.publicApi().signsInByOAuth(sourceId)));
        return oauth.orElseThrow(() -> new IllegalArgumentException("The simulator has no source " + sourceId));
    }

    /**
     * Deletes a source behind Onramp's back, as someone does in Airbyte's own screens: Onramp's next
     * call for it answers 404.
     *
     * @throws IllegalArgumentException when no such source exists
     */
    public void deleteSource(String sourceId) {
        boolean found = parts.state().changing(() -> parts.configApi().delete(sourceId)
                || parts.publicApi().delete(sourceId));
        if (!found) {
            throw new IllegalArgumentException("The simulator has no source " + sourceId);
        }
    }

    /**
     * Forgets what visitors left, as a fresh Airbyte: every source (made through either API), the sign-in
     * secrets Airbyte kept, the tokens issued and which of them were revoked, and the faults armed. The Cloud
     * stand-in's application (its client id and secret) stays. With a state folder, its file says so at once,
     * for every simulator on it.
     *
     * @return how many sources it had
     */
    public int forgetVisitors() {
        int had = parts.state().changing(() -> {
            Set<String> ids = new HashSet<>(parts.configApi().sourceIds());
            ids.addAll(parts.publicApi().sourceIds());
            for (KeptState part : List.of(parts.ledger(), parts.configApi(), parts.publicApi(), parts.signIns())) {
                try {
                    part.restore(MissingNode.getInstance()).run();
                } catch (UnreadableStateException e) {
                    throw new IllegalStateException("A part of the simulator cannot start empty: " + part.section(), e);
                }
            }
            return ids.size();
        });
        // A scenario switched on in the window stays on: the window shows it, and the sales person switches it off.
        parts.faults().disarm();
        LOG.info("Airbyte simulator forgot its {} source(s), sign-ins and armed faults", had);
        return had;
    }

    /** The id of the workspace sources go to by default (the first one listed). */
    public String workspaceId() {
        return parts.workspaceId();
    }

    /** The faults to play on the next API calls; arm them before or while a test runs. */
    public Faults faults() {
        return parts.faults();
    }

    /**
     * Makes the Config API's {@code complete_oauth} ignore {@code returnSecretCoordinate} and answer
     * with the raw tokens, as an Airbyte from before that flag does; off by default.
     */
    public void ignoreReturnSecretCoordinate(boolean ignore) {
        parts.configApi().ignoreSecretCoordinates(ignore);
    }

    /**
     * Plays an Airbyte whose operator set up no OAuth app for the connector of {@code sourceType}: its
     * specification says no global credentials are available, and {@code get_consent_url} answers 500
     * "Undefined parameter 'client_id' necessary for the OAuth Flow.", as Airbyte's OAuth flows do.
     */
    public void withoutOAuthApp(String sourceType) {
        parts.configApi().withoutOAuthApp(sourceType);
    }

    /**
     * Plays (or, with false, stops playing) an Airbyte with no OAuth app for any connector, as
     * {@link #withoutOAuthApp} does for one.
     */
    public void withoutAnyOAuthApp(boolean without) {
        parts.configApi().withoutAnyOAuthApp(without);
    }

    /**
     * Makes (or, with false, stops making) every provider's sign-in page refuse at once: the browser goes
     * back to the redirect with {@code error=access_denied}, as when a provider turns the person away.
     */
    public void refuseSignIns(boolean refuse) {
        parts.consentPages().refuse(refuse);
    }

    /** Plays an Airbyte with OAuth switched off for the connector of {@code sourceType}: {@code get_consent_url} answers 404. */
    public void switchOAuthOff(String sourceType) {
        parts.configApi().switchOAuthOff(sourceType);
    }

    /**
     * Plays a self-managed Airbyte behind the public API: {@code POST /v1/sources/initiateOAuth}
     * answers 501 with no body, as Airbyte OSS does, since only Cloud brokers sign-ins there.
     */
    public void playSelfManagedPublicApi() {
        parts.publicApi().playSelfManaged();
    }

    /** Every API call so far, in order, as {@code "POST /v1/sources"} (not the browser's pages). */
    public List<String> calls() {
        return parts.faultPlayer().calls();
    }

    /** The ids of the sources that exist now, made through either API. */
    public Set<String> sourceIds() {
        return parts.state().reading(() -> {
            Set<String> ids = new HashSet<>(parts.configApi().sourceIds());
            ids.addAll(parts.publicApi().sourceIds());
            return Set.copyOf(ids);
        });
    }

    /**
     * The configuration a source holds now, secrets unmasked (what Airbyte would test it with), made
     * through either API; empty when there is no such source. For tests that look inside Airbyte.
     */
    public Optional<JsonNode> sourceConfiguration(String sourceId) {
        return parts.configApi().configuration(sourceId).or(() -> parts.publicApi().configuration(sourceId));
    }

    /** Every token, code and secret id it has issued so far (for tests proving none is stored in clear). */
    public Set<String> issuedSecrets() {
        return parts.state().reading(parts.ledger()::issuedSecrets);
    }

    /** Stops it; its kept state stays in its folder. Closing it again does nothing. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        LOG.info("Airbyte simulator on {} stopped", origin);
    }

    /** How to start a simulator: latency, how many workspaces its Cloud organization has, its clock, where it keeps its state. */
    public static final class Builder {
        private Duration latency = Duration.ZERO;
        private int workspaces = 1;
        private Clock clock = Clock.systemUTC();
        private boolean protectedConfigApi;
        private Optional<Path> stateFolder = Optional.empty();
        private int port;

        private Builder() {}

        /**
         * Listens on this port of 127.0.0.1 (0, the default: any free one), so that a simulator started
         * again is found at the same address, as an Airbyte is.
         */
        public Builder port(int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException("A port is a number from 1 to 65535 (0: any free one), not " + value);
            }
            this.port = value;
            return this;
        }

        /**
         * Keeps the sources, the sign-in secrets Airbyte kept, the tokens and which were revoked, and the
         * Cloud application's client id and secret in {@code folder} (made when first needed), so that they
         * outlive the simulator and are shared with any other simulator on the same folder, in this process
         * or another. Without it, everything lives in memory only.
         */
        public Builder stateFolder(Path folder) {
            this.stateFolder = Optional.of(Objects.requireNonNull(folder, "folder"));
            return this;
        }

        /**
         * Protects the Config API as an {@code abctl} install does: every call needs basic auth or a
         * bearer token from {@code POST /api/v1/applications/token}.
         */
        public Builder protectedConfigApi() {
            this.protectedConfigApi = true;
            return this;
        }

        /** Added to every API call. */
        public Builder latency(Duration value) {
            if (value.isNegative()) {
                throw new IllegalArgumentException("The simulator's latency cannot be negative: " + value);
            }
            this.latency = value;
            return this;
        }

        /** How many workspaces {@code GET /v1/workspaces} pages through (at least one). */
        public Builder workspaces(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("The simulator needs at least one workspace, not " + count);
            }
            this.workspaces = count;
            return this;
        }

        /** The clock tokens expire by. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public AirbyteSimulator start() {
            HttpServer server;
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            } catch (IOException e) {
                throw new UncheckedIOException("The Airbyte simulator could not listen on 127.0.0.1: " + e.getMessage(), e);
            }
            ObjectMapper json = new ObjectMapper();
            SecureRandom random = new SecureRandom();
            URI origin = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
            URI publicBase = origin.resolve("/v1");
            // The same on every start, as a real Airbyte's workspace is: businesses remember it.
            String workspaceId = DEMO_WORKSPACE_ID;
            OAuthLedger ledger = new OAuthLedger(random);
            DemoConnectors connectors = DemoConnectors.bundled(json);
            Faults faults = new Faults();
            FaultPlayer faultPlayer = new FaultPlayer(faults, json);
            ConfigApi configApi = new ConfigApi(json, connectors, ledger, workspaceId, origin, clock, faults);
            CloudTokens cloudTokens = new CloudTokens(json, clock, random);
            CloudSignIns signIns = new CloudSignIns(json, connectors, ledger, origin.resolve("/v1/oauth/callback"), random,
                    clock);
            PublicApi publicApi = new PublicApi(json, connectors, ledger, cloudTokens, signIns,
                    workspaceList(workspaceId, workspaces), publicBase, clock, faults);
            Optional<ConfigApiLogin> login = protectedConfigApi
                    ? Optional.of(new ConfigApiLogin(json, clock, random)) : Optional.empty();
            // Nothing is read here: the state file is read by the first call that needs it.
            SimulatorState state = stateFolder.map(folder -> SimulatorState.inFolder(folder, json, clock))
                    .orElseGet(SimulatorState::inMemory);
            state.keep(List.of(ledger, configApi, publicApi, signIns, cloudTokens));
            server.createContext("/api/", new ApiHandler(json, configApi.endpoints(state), latency, faultPlayer, login)::handle);
            server.createContext("/v1/", new PublicApiHandler(json, publicApi, faultPlayer, latency, state)::handle);
            ConsentPages consentPages = new ConsentPages(ledger, new ConsentHtml());
            server.createContext("/oauth/", consentPages::handle);
            ExecutorService executor = Executors.newFixedThreadPool(THREADS,
                    Thread.ofPlatform().name("airbyte-simulator-", 1).daemon().factory());
            server.setExecutor(executor);
            server.start();
            AirbyteSimulator simulator = new AirbyteSimulator(server, executor, origin,
                    new Parts(workspaceId, ledger, faults, faultPlayer, configApi, cloudTokens, publicApi, login, state,
                            consentPages, signIns));
            LOG.info("Airbyte simulator listening on {} (Config API) and {} (public API), its {}", simulator.apiBaseUrl(),
                    simulator.publicApiBaseUrl(), state);
            return simulator;
        }

        private static List<PublicApi.Workspace> workspaceList(String first, int count) {
            List<PublicApi.Workspace> list = new ArrayList<>();
            list.add(new PublicApi.Workspace(first, WORKSPACE_NAME));
            for (int i = 2; i <= count; i++) {
                // Stable as the first one is, so that kept sources stay in their workspace after a restart.
                String id = UUID.nameUUIDFromBytes(("onramp demo workspace " + i).getBytes(StandardCharsets.UTF_8)).toString();
                list.add(new PublicApi.Workspace(id, WORKSPACE_NAME + " " + i));
            }
            return list;
        }
    }
}
