package dev.onramp.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.airbyte.AdvancedAuth;
import dev.onramp.airbyte.AirbyteException;
import dev.onramp.airbyte.AirbyteGateway;
import dev.onramp.airbyte.AuthPayloadMerger;
import dev.onramp.airbyte.CheckResult;
import dev.onramp.airbyte.ConnectorSpec;
import dev.onramp.airbyte.OAuthCompletion;
import dev.onramp.airbyte.PublicApiGateway;
import dev.onramp.catalog.Catalog;
import dev.onramp.catalog.ConnectorSpecs;
import dev.onramp.connect.form.ConnectorForm;
import dev.onramp.connect.form.FormValues;
import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionId;
import dev.onramp.model.ConnectionStatus;
import dev.onramp.model.FlowId;
import dev.onramp.model.FlowRecord;
import dev.onramp.model.FlowState;
import dev.onramp.model.Provider;
import dev.onramp.model.StreamInfo;
import dev.onramp.model.Tenant;
import dev.onramp.model.TenantId;
import dev.onramp.oauth.BrowserLauncher;
import dev.onramp.oauth.CallbackResult;
import dev.onramp.oauth.CallbackTimeoutException;
import dev.onramp.oauth.ConsentUrls;
import dev.onramp.oauth.LoopbackReceiver;
import dev.onramp.store.AuditLog;
import dev.onramp.store.ConnectionRepository;
import dev.onramp.store.Database;
import dev.onramp.store.FlowJournal;
import dev.onramp.store.StoreException;
import dev.onramp.store.TenantRepository;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the connect flow (consent, callback, complete OAuth, create, test, discover, store) as a
 * journaled state machine, the same for the GUI and the command line.
 *
 * <p>It also runs the reconnect of an existing connection ({@link #reconnect}, a {@link ReconnectRun}).
 * One flow per business and provider runs at a time, connect or reconnect: a new attempt replaces
 * the old one.
 * {@link #close()} cancels every running flow, so no loopback port outlives the app.
 */
public final class ConnectService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectService.class);
    /** How long {@link #close()} waits for cancelled flows to undo their work and record their end. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final Catalog catalog;
    private final TenantGateways gateways;
    private final Database db;
    private final TenantRepository tenants;
    private final ConnectionRepository connections;
    private final FlowJournal journal;
    private final AuditLog audit;
    private final BrowserLauncher browser;
    private final Executor executor;
    private final Clock clock;
    private final Duration consentTimeout;
    private final String actor;
    private final ConsentInputs consentInputs;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<FlowKey, RunningFlow> running = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /** A service whose every business uses the one Airbyte behind {@code airbyte}. */
    public ConnectService(Catalog catalog, AirbyteGateway airbyte, Database db, TenantRepository tenants,
            ConnectionRepository connections, FlowJournal journal, AuditLog audit, BrowserLauncher browser,
            Executor executor, Clock clock, Duration consentTimeout, String actor) {
        this(catalog, tenant -> airbyte, db, tenants, connections, journal, audit, browser, executor, clock,
                consentTimeout, actor);
    }

    /** A service that asks {@code gateways} which Airbyte each business uses. */
    public ConnectService(Catalog catalog, TenantGateways gateways, Database db, TenantRepository tenants,
            ConnectionRepository connections, FlowJournal journal, AuditLog audit, BrowserLauncher browser,
            Executor executor, Clock clock, Duration consentTimeout, String actor) {
        this.catalog = catalog;
        this.gateways = gateways;
        this.db = db;
        this.tenants = tenants;
        this.connections = connections;
        this.journal = journal;
        this.audit = audit;
        this.browser = browser;
        this.executor = executor;
        this.clock = clock;
        this.consentTimeout = consentTimeout;
        this.actor = actor;
        this.consentInputs = new ConsentInputs(catalog, ConnectorSpecs.bundled(catalog));
    }

    /**
     * Starts connecting {@code providerId} for {@code tenant}; the work runs on the service's executor.
     * A flow still running for the same business and provider is cancelled: its consent link and
     * loopback port are discarded, and only the newest attempt can finish.
     */
    public ConnectFlow connect(TenantId tenant, String providerId, ConnectListener listener) {
        return start(tenant, providerId, FormValues.empty(), listener);
    }

    /**
     * Like {@link #connect(TenantId, String, ConnectListener)}, with the values of the fields the
     * provider needs before its consent page ({@link #consentInputs(String)}, e.g. Zendesk's
     * subdomain); fields left out take their defaults.
     *
     * @throws InvalidInputException naming the fields that are missing or refused, before anything starts
     */
    public ConnectFlow connect(TenantId tenant, String providerId, FormValues inputs, ConnectListener listener) {
        catalog.provider(providerId).ifPresent(provider -> consentInputs.given(provider, inputs));
        return start(tenant, providerId, inputs, listener);
    }

    /**
     * The form of the fields {@code providerId} needs before its consent page (Zendesk's subdomain,
     * Amazon's region, …); it has no elements when the provider needs nothing first.
     */
    public ConnectorForm consentInputs(String providerId) {
        return consentInputs.form(providerId);
    }

    private ConnectFlow start(TenantId tenant, String providerId, FormValues inputs, ConnectListener listener) {
        FlowKey key = new FlowKey(tenant, providerId);
        Run run = new Run(FlowId.random(), tenant, providerId, inputs, listener);
        register(key, run);
        CompletableFuture.runAsync(run::execute, executor);
        return run;
    }

    /**
     * Starts signing an existing connection in again (its provider's tokens expired or were
     * revoked): the same consent as {@link #connect}, then Airbyte's source gets the new sign-in,
     * keeps its id, and is tested and its streams listed again. It is the business's one flow for
     * that provider, like a connect: either replaces the other.
     *
     * @throws InvalidInputException when the business has no such connection
     */
    public ConnectFlow reconnect(TenantId tenant, ConnectionId connectionId, ConnectListener listener) {
        Connection connection = connections.find(tenant, connectionId).orElseThrow(() -> new InvalidInputException(
                "Onramp no longer has that connection; refresh the list and connect the account again."));
        ReconnectRun run = new ReconnectRun(new ReconnectRun.Parts(catalog, gateways, db, tenants, connections, journal,
                audit, browser, clock, consentTimeout, actor, random), FlowId.random(), connection, listener);
        register(new FlowKey(tenant, connection.providerId()), run);
        CompletableFuture.runAsync(run::execute, executor);
        return run;
    }

    /** Makes {@code run} the one flow of its key, cancelling the flow it replaces, and forgets it once it ends. */
    private void register(FlowKey key, RunningFlow run) {
        RunningFlow replaced = running.put(key, run);
        if (replaced != null) {
            replaced.cancel("A newer attempt to connect " + replaced.providerName() + " replaced this one.");
        }
        run.outcome().whenComplete((outcome, failure) -> running.remove(key, run));
    }

    /**
     * Cancels every running flow and waits a few seconds for each to undo what it created and
     * record its end; what is still unfinished then is ended by the next start's recovery.
     */
    @Override
    public void close() {
        List<RunningFlow> runs = List.copyOf(running.values());
        runs.forEach(ConnectFlow::cancel);
        long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
        for (RunningFlow run : runs) {
            try {
                run.outcome().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("Connect flow {} did not end before Onramp closed; the next start ends it", run.id());
            }
        }
    }

    /** The tenant's stored connections, newest first. */
    public List<Connection> connections(TenantId tenant) {
        return connections.list(tenant);
    }

    /**
     * Ends every flow an earlier run left unfinished (a crash, a kill, a clean-up Airbyte refused):
     * what it created in Airbyte is deleted, so that nothing is forgotten there, and its end gets
     * its one audit entry. A flow whose clean-up fails again stays for the next start. Returns how
     * many flows were ended.
     */
    public int recoverUnfinished() {
        List<FlowRecord> unfinished = journal.unfinished();
        int ended = 0;
        for (FlowRecord flow : unfinished) {
            try {
                // An AUTHORIZED sign-in flow, or a STARTED credentials flow, may have asked Airbyte to
                // create a source without hearing its id.
                Optional<String> workspace = tenants.find(flow.tenantId()).flatMap(Tenant::workspaceId);
                boolean createMayHaveRun = flow.state() == FlowState.AUTHORIZED || flow.state() == FlowState.STARTED;
                String undone = undo(gateways.gatewayFor(flow.tenantId()), flow.id(), flow.sourceId(),
                        createMayHaveRun, workspace);
                String details = "provider=" + flow.providerId() + " interrupted in " + flow.state() + undone
                        + flow.reason().map(reason -> ": " + reason).orElse("");
                db.inTransaction(tx -> {
                    journal.advance(tx, flow.tenantId(), flow.id(), FlowState.FAILED, Optional.empty(),
                            Optional.of(flow.reason().orElse(
                                    "Interrupted before it finished; Onramp undid what it had started.")));
                    audit.append(tx, flow.tenantId(), actor, "connect.recovered", "flow/" + flow.id(), details);
                    return null;
                });
                ended++;
            } catch (AirbyteException e) {
                LOG.warn("Could not clean up interrupted flow {} yet: {}", flow.id(), e.getMessage());
            }
        }
        return ended;
    }

    /**
     * Deletes what a flow created in Airbyte: its known source, or, when the answer to creating
     * one may have been lost, any source named after the flow. Returns words for the audit entry;
     * throws an AirbyteException when Airbyte could not be asked.
     */
    private static String undo(AirbyteGateway airbyte, FlowId flow, Optional<String> sourceId, boolean createMayHaveRun,
            Optional<String> workspace) {
        List<String> deleted = new ArrayList<>();
        if (sourceId.isPresent()) {
            deleteUnlessGone(airbyte, sourceId.get());
            deleted.add(sourceId.get());
        } else if (createMayHaveRun && workspace.isPresent()) {
            for (String found : airbyte.findSources(workspace.get(), sourceMarker(flow))) {
                deleteUnlessGone(airbyte, found);
                deleted.add(found);
            }
        }
        return deleted.isEmpty() ? "" : ", source " + String.join(", ", deleted) + " deleted";
    }

    private static void deleteUnlessGone(AirbyteGateway airbyte, String sourceId) {
        try {
            airbyte.deleteSource(sourceId);
        } catch (AirbyteException e) {
            if (e.kind() != AirbyteException.Kind.NOT_FOUND) {
                throw e;
            }
        }
    }

    /** Part of every source name: finds a source again whose id never reached the journal. */
    static String sourceMarker(FlowId flow) {
        return "onramp-flow-" + flow;
    }

    /** One flow from start to end; cancel() takes effect between steps and while waiting for the browser. */
    private final class Run implements RunningFlow {
        private final FlowId id;
        private final TenantId tenantId;
        private final String providerId;
        private final FormValues inputs;
        private final ConnectListener listener;
        private final CompletableFuture<ConnectOutcome> outcome = new CompletableFuture<>();
        private final AtomicReference<String> cancelled = new AtomicReference<>();
        private final AtomicReference<LoopbackReceiver> receiver = new AtomicReference<>();
        private Optional<String> sourceId = Optional.empty();
        private Optional<String> workspaceId = Optional.empty();
        private Optional<FlowState> journaled = Optional.empty();
        private boolean createAsked;
        private volatile String providerName;
        private Optional<AirbyteGateway> airbyte = Optional.empty();

        Run(FlowId id, TenantId tenantId, String providerId, FormValues inputs, ConnectListener listener) {
            this.id = id;
            this.tenantId = tenantId;
            this.providerId = providerId;
            this.inputs = inputs;
            this.listener = listener;
            this.providerName = providerId;
        }

        @Override
        public FlowId id() {
            return id;
        }

        @Override
        public CompletableFuture<ConnectOutcome> outcome() {
            return outcome;
        }

        @Override
        public void cancel() {
            cancel("Connecting " + providerName + " was cancelled.");
        }

        @Override
        public String providerName() {
            return providerName;
        }

        @Override
        public void cancel(String why) {
            cancelled.compareAndSet(null, why);
            LoopbackReceiver waiting = receiver.get();
            if (waiting != null) {
                waiting.cancel();
            }
        }

        void execute() {
            ConnectOutcome result;
            try {
                result = steps();
            } catch (FlowEnd end) {
                result = end(end.state, end.getMessage());
            } catch (AirbyteException e) {
                result = end(FlowState.FAILED, e.getMessage());
            } catch (InvalidInputException e) {
                result = end(FlowState.FAILED, e.getMessage());
            } catch (StoreException e) {
                result = end(FlowState.FAILED, e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("Connect flow {} failed unexpectedly", id, e);
                result = end(FlowState.FAILED, "Something unexpected went wrong while connecting " + providerName
                        + " (" + e.getClass().getSimpleName() + "). The log in the data folder has the details.");
            }
            outcome.complete(result);
        }

        private ConnectOutcome steps() {
            Instant now = clock.instant();
            Tenant tenant = tenants.find(tenantId)
                    .orElseThrow(() -> new FlowEnd(FlowState.FAILED, "Onramp does not know that business any more."));
            db.inTransaction(tx -> {
                journal.start(tx, tenantId, new FlowRecord(id, tenantId, providerId, FlowState.STARTED, Optional.empty(),
                        Optional.empty(), now, now));
                return null;
            });
            journaled = Optional.of(FlowState.STARTED);
            listener.onStep(ConnectStep.PREPARING);
            Provider provider = catalog.provider(providerId).orElseThrow(() -> new FlowEnd(FlowState.FAILED,
                    "Onramp does not know a provider called \"" + providerId + "\"."));
            providerName = provider.name();
            if (!provider.connectsByOAuth()) {
                throw new FlowEnd(FlowState.FAILED, provider.name()
                        + " connects with API credentials rather than a sign-in: fill in its credentials form instead.");
            }
            ConsentInputs.Given given = consentInputs.given(provider, inputs);
            AirbyteGateway airbyte = gateways.gatewayFor(tenantId);
            this.airbyte = Optional.of(airbyte);
            if (airbyte instanceof PublicApiGateway cloud) {
                String workspace = cloud.workspaceId().orElseGet(() -> workspaceOf(airbyte, tenant));
                workspaceId = Optional.of(workspace);
                return connectThroughRelay(cloud, provider, workspace, tenant, given);
            }
            String workspace = workspaceOf(airbyte, tenant);
            workspaceId = Optional.of(workspace);
            ConnectorSpec spec = airbyte.getSpecification(provider.definitionId(), workspace);
            AdvancedAuth auth = spec.advancedAuth().orElseThrow(() -> noOAuthApp(provider));
            if (spec.globalCredentialsAvailable().equals(Optional.of(false))) {
                throw noOAuthApp(provider);
            }
            checkCancelled();

            CallbackResult callback;
            URI redirect;
            try (LoopbackReceiver waiting = LoopbackReceiver.open(consentTimeout)) {
                receiver.set(waiting);
                checkCancelled();
                redirect = waiting.redirectUri();
                URI consentUrl = consentUrl(airbyte, provider, workspace, redirect, given.oauthInput());
                String state = ConsentUrls.state(consentUrl).orElseThrow(() -> new FlowEnd(FlowState.FAILED,
                        "Airbyte's consent link for " + provider.name()
                                + " carries no state, so Onramp cannot tell its answer from a forged one."));
                waiting.expectState(state);
                advance(FlowState.AWAITING_CONSENT);
                listener.onStep(ConnectStep.WAITING_FOR_CONSENT);
                boolean opened = browser.open(consentUrl);
                listener.onConsentUrl(consentUrl, opened);
                callback = await(waiting);
            } finally {
                receiver.set(null);
            }
            if (callback.error().isPresent()) {
                throw refused(provider, callback.error().get());
            }

            listener.onStep(ConnectStep.AUTHORIZING);
            OAuthCompletion completion = airbyte.completeOAuthKeepingTokens(provider.definitionId(), workspace,
                    redirect, callback.params(), given.oauthInput());
            advance(FlowState.AUTHORIZED);
            checkCancelled();

            listener.onStep(ConnectStep.CREATING_SOURCE);
            createAsked = true;
            // Airbyte that keeps the tokens gets a configuration with only the predicate and the person's
            // inputs; one that sent them gets them merged in, as its web app does.
            ObjectNode configuration = AuthPayloadMerger.merge(given.configuration(), auth,
                    completion instanceof OAuthCompletion.Tokens tokens ? tokens.authPayload() : json.createObjectNode());
            String name = sourceName(provider, tenant);
            String created = switch (completion) {
                case OAuthCompletion.SecretCoordinate kept -> airbyte.createSourceWithSecret(workspace,
                        provider.definitionId(), name, configuration, kept.secretId());
                case OAuthCompletion.Tokens _ -> airbyte.createSource(workspace, provider.definitionId(), name,
                        configuration);
            };
            return testAndStore(airbyte, provider, created, configuration);
        }

        /**
         * Airbyte Cloud: the consent returns through the operator's https relay with a secret id,
         * and the source is made from that secret, so the provider's tokens never reach Onramp.
         */
        private ConnectOutcome connectThroughRelay(PublicApiGateway cloud, Provider provider, String workspace, Tenant tenant,
                ConsentInputs.Given given) {
            RelayConsent consent = new RelayConsent(cloud, provider, workspace, random);
            CallbackResult callback;
            try (LoopbackReceiver waiting = LoopbackReceiver.open(consentTimeout)) {
                receiver.set(waiting);
                checkCancelled();
                URI consentUrl = consent.start(waiting, given.oauthInput());
                advance(FlowState.AWAITING_CONSENT);
                listener.onStep(ConnectStep.WAITING_FOR_CONSENT);
                listener.onConsentUrl(consentUrl, browser.open(consentUrl));
                callback = await(waiting);
            } finally {
                receiver.set(null);
            }
            if (callback.error().isPresent()) {
                throw refused(provider, callback.error().get());
            }
            listener.onStep(ConnectStep.AUTHORIZING);
            String secretId = consent.secretId(callback).orElseThrow(() -> new FlowEnd(FlowState.FAILED, "Airbyte sent the"
                    + " browser back without the sign-in's secret id. Check that the relay page in Settings is Onramp's, then try again."));
            advance(FlowState.AUTHORIZED);
            checkCancelled();

            listener.onStep(ConnectStep.CREATING_SOURCE);
            ObjectNode configuration = consent.configuration(given.configuration());
            createAsked = true;
            String created = consent.createSource(sourceName(provider, tenant), configuration, secretId);
            return testAndStore(cloud, provider, created, configuration);
        }

        /** The source's name in Airbyte, with the flow's marker so that a lost answer can be found again. */
        private String sourceName(Provider provider, Tenant tenant) {
            return provider.name() + " — " + tenant.name() + " [" + sourceMarker(id) + "]";
        }

        /** Records the new source, tests it, lists its streams and stores the connection. */
        private ConnectOutcome testAndStore(AirbyteGateway airbyte, Provider provider, String created,
                ObjectNode configuration) {
            sourceId = Optional.of(created);
            advance(FlowState.SOURCE_CREATED);
            checkCancelled();

            listener.onStep(ConnectStep.TESTING);
            CheckResult check = airbyte.checkConnection(created);
            if (!check.succeeded()) {
                throw new FlowEnd(FlowState.FAILED, "Airbyte could not read from " + provider.name() + ": "
                        + check.message());
            }
            advance(FlowState.TESTED);
            checkCancelled();

            listener.onStep(ConnectStep.DISCOVERING);
            List<String> streams = airbyte.discoverStreams(created).stream().map(StreamInfo::name).toList();
            checkCancelled();

            listener.onStep(ConnectStep.SAVING);
            Connection connection = new Connection(ConnectionId.random(), tenantId, providerId, created,
                    accountLabel(provider, configuration), ConnectionStatus.ACTIVE, streams, clock.instant(),
                    Optional.of(clock.instant()), Optional.empty());
            byte[] secret = configuration.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            db.inTransaction(tx -> {
                connections.insert(tx, tenantId, connection, secret);
                journal.advance(tx, tenantId, id, FlowState.STORED, Optional.empty(), Optional.empty());
                audit.append(tx, tenantId, actor, "connect.succeeded", "connection/" + connection.id(),
                        "provider=" + providerId + " source=" + created + " streams=" + streams.size());
                return null;
            });
            return new ConnectOutcome.Connected(id, connection);
        }

        private CallbackResult await(LoopbackReceiver waiting) {
            try {
                return waiting.result().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw cancelledEnd();
            } catch (CancellationException e) {
                throw cancelledEnd();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof CallbackTimeoutException) {
                    throw new FlowEnd(FlowState.TIMED_OUT, "No answer came from the browser within "
                            + minutes(consentTimeout) + ". Connect again when you are ready.");
                }
                if (e.getCause() instanceof CancellationException) {
                    throw cancelledEnd();
                }
                throw new IllegalStateException("The loopback receiver failed", e.getCause());
            }
        }

        private String workspaceOf(AirbyteGateway airbyte, Tenant tenant) {
            if (tenant.workspaceId().isPresent()) {
                return tenant.workspaceId().get();
            }
            String workspace = airbyte.listWorkspaces().stream().findFirst()
                    .orElseThrow(() -> new FlowEnd(FlowState.FAILED,
                            "This Airbyte has no workspace yet. Create one in Airbyte, then connect again."))
                    .id();
            db.inTransaction(tx -> {
                tenants.setWorkspace(tx, tenantId, workspace);
                return null;
            });
            return workspace;
        }

        private void advance(FlowState state) {
            db.inTransaction(tx -> {
                journal.advance(tx, tenantId, id, state, sourceId, Optional.empty());
                return null;
            });
            journaled = Optional.of(state);
        }

        private void checkCancelled() {
            if (cancelled.get() != null) {
                throw cancelledEnd();
            }
        }

        private FlowEnd cancelledEnd() {
            String why = cancelled.get();
            return new FlowEnd(FlowState.CANCELLED, why != null ? why : "Connecting " + providerName + " was cancelled.");
        }

        /**
         * Ends the flow: undoes what it created in Airbyte, journals the end and writes its one
         * audit entry. When Airbyte cannot be asked to undo it, the journal keeps the flow
         * unfinished with the reason, and the next start's recovery ends it and writes the entry.
         */
        private ConnectOutcome end(FlowState state, String message) {
            String undone;
            try {
                undone = airbyte.isEmpty() ? "" : undo(airbyte.get(), id, sourceId, createAsked, workspaceId);
            } catch (AirbyteException e) {
                LOG.warn("Flow {} could not undo its work in Airbyte yet: {}", id, e.getMessage());
                keepForRecovery(message);
                return new ConnectOutcome.Ended(id, state, message);
            }
            String details = "provider=" + providerId + " state=" + state + undone + ": " + message;
            try {
                db.inTransaction(tx -> {
                    if (journaled.isPresent()) {
                        journal.advance(tx, tenantId, id, state, Optional.empty(), Optional.of(message));
                    }
                    audit.append(tx, tenantId, actor, auditAction(state), "flow/" + id, details);
                    return null;
                });
            } catch (StoreException e) {
                LOG.error("Flow {} ended ({}) but the end could not be recorded: {}", id, state, e.getMessage());
            }
            return new ConnectOutcome.Ended(id, state, message);
        }

        private void keepForRecovery(String message) {
            if (journaled.isEmpty()) {
                return;
            }
            try {
                db.inTransaction(tx -> {
                    journal.advance(tx, tenantId, id, journaled.get(), Optional.empty(), Optional.of(message));
                    return null;
                });
            } catch (StoreException e) {
                LOG.error("Flow {} could not record why it stopped: {}", id, e.getMessage());
            }
        }
    }

    /** The consent link; a 404 means this Airbyte has no OAuth app for the connector. */
    static URI consentUrl(AirbyteGateway airbyte, Provider provider, String workspace, URI redirect,
            ObjectNode input) {
        try {
            return airbyte.getConsentUrl(provider.definitionId(), workspace, redirect, input);
        } catch (AirbyteException e) {
            if (e.kind() == AirbyteException.Kind.NOT_FOUND) {
                throw noOAuthApp(provider);
            }
            throw e;
        }
    }

    /** This Airbyte cannot run the sign-in for the provider: say who can fix it, and the other way in. */
    static FlowEnd noOAuthApp(Provider provider) {
        return new FlowEnd(FlowState.FAILED, "This Airbyte has no OAuth app for " + provider.name()
                + ": ask its operator to set one up, or connect with an access token or key instead.");
    }

    /** The provider's refusal (or the person's) as a flow end. */
    static FlowEnd refused(Provider provider, String error) {
        return new FlowEnd(FlowState.FAILED, "access_denied".equals(error)
                ? "You declined access on " + provider.name() + "."
                : provider.name() + " did not grant access (it answered \"" + safe(error) + "\"). Try again.");
    }

    private static String auditAction(FlowState state) {
        return switch (state) {
            case CANCELLED -> "connect.cancelled";
            case TIMED_OUT -> "connect.timed-out";
            default -> "connect.failed";
        };
    }

    private static String accountLabel(Provider provider, ObjectNode configuration) {
        JsonNode shop = configuration.path("shop");
        return shop.isTextual() && !shop.asText().isBlank() ? shop.asText() : provider.name();
    }

    /** Keeps a provider's error code printable and short; it is shown, so it must not carry markup. */
    private static String safe(String text) {
        String cleaned = text.replaceAll("[^A-Za-z0-9_.\\- ]", "");
        return cleaned.length() > 60 ? cleaned.substring(0, 60) : cleaned;
    }

    static String minutes(Duration timeout) {
        long minutes = timeout.toMinutes();
        return minutes >= 1 ? minutes + (minutes == 1 ? " minute" : " minutes") : timeout.toSeconds() + " seconds";
    }

    /** The business and provider a flow connects; at most one flow runs per key. */
    private record FlowKey(TenantId tenant, String providerId) {}

    /** Ends a flow early with the state to record and the sentence to show. */
    static final class FlowEnd extends RuntimeException {
        final FlowState state;

        FlowEnd(FlowState state, String message) {
            super(message, null, false, false);
            this.state = state;
        }
    }
}
