package dev.onramp.connect;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.airbyte.AdvancedAuth;
import dev.onramp.airbyte.AirbyteException;
import dev.onramp.airbyte.AirbyteGateway;
import dev.onramp.airbyte.AuthPayloadMerger;
import dev.onramp.airbyte.CheckResult;
import dev.onramp.airbyte.ConfigApiGateway;
import dev.onramp.airbyte.ConnectorSpec;
import dev.onramp.airbyte.OAuthCompletion;
import dev.onramp.airbyte.PublicApiGateway;
import dev.onramp.catalog.Catalog;
import dev.onramp.connect.ConnectService.FlowEnd;
import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionStatus;
import dev.onramp.model.FlowId;
import dev.onramp.model.FlowRecord;
import dev.onramp.model.FlowState;
import dev.onramp.model.Provider;
import dev.onramp.model.StreamInfo;
import dev.onramp.model.Tenant;
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
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs an existing OAuth connection in again: the consent of a connect (loopback receiver and
 * state on a self-managed Airbyte, the https relay and a nonce on Cloud), then the source gets the
 * new sign-in under its old id (self-managed: {@code complete_oauth} and {@code sources/update} with
 * the merged configuration; Cloud: {@code PATCH /sources/{id}} with the new secret id), is tested,
 * and its streams are listed and stored again.
 *
 * <p>The journal never records the source id: it belongs to the connection, not to this flow, so
 * neither an end nor the recovery of an interrupted reconnect deletes it. Until Airbyte has the new
 * sign-in, a cancel or failure leaves everything as it was; once it has it, the flow finishes.
 */
final class ReconnectRun implements RunningFlow {
    private static final Logger LOG = LoggerFactory.getLogger(ReconnectRun.class);

    /** What a reconnect works with: the parts of the {@link ConnectService} that starts it. */
    record Parts(Catalog catalog, TenantGateways gateways, Database db, TenantRepository tenants,
            ConnectionRepository connections, FlowJournal journal, AuditLog audit, BrowserLauncher browser, Clock clock,
            Duration consentTimeout, String actor, SecureRandom random) {}

    private final Parts parts;
    private final FlowId id;
    private final Connection connection;
    private final ConnectListener listener;
    private final ObjectMapper json = new ObjectMapper();
    private final CompletableFuture<ConnectOutcome> outcome = new CompletableFuture<>();
    private final AtomicReference<String> cancelled = new AtomicReference<>();
    private final AtomicReference<LoopbackReceiver> receiver = new AtomicReference<>();
    private volatile String providerName;
    private boolean journaled;

    ReconnectRun(Parts parts, FlowId id, Connection connection, ConnectListener listener) {
        this.parts = parts;
        this.id = id;
        this.connection = connection;
        this.listener = listener;
        this.providerName = connection.providerId();
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
    public String providerName() {
        return providerName;
    }

    @Override
    public void cancel() {
        cancel("Reconnecting " + providerName + " was cancelled; the connection stays as it was.");
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
        } catch (AirbyteException | StoreException e) {
            result = end(FlowState.FAILED, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Reconnect flow {} failed unexpectedly", id, e);
            result = end(FlowState.FAILED, "Something unexpected went wrong while reconnecting " + providerName
                    + " (" + e.getClass().getSimpleName() + "). The log in the data folder has the details.");
        }
        outcome.complete(result);
    }

    private ConnectOutcome steps() {
        Instant now = parts.clock().instant();
        parts.db().inTransaction(tx -> {
            parts.journal().start(tx, connection.tenantId(), new FlowRecord(id, connection.tenantId(),
                    connection.providerId(), FlowState.STARTED, Optional.empty(), Optional.empty(), now, now));
            return null;
        });
        journaled = true;
        listener.onStep(ConnectStep.PREPARING);
        Tenant tenant = parts.tenants().find(connection.tenantId())
                .orElseThrow(() -> new FlowEnd(FlowState.FAILED, "Onramp does not know that business any more."));
        Provider provider = parts.catalog().provider(connection.providerId()).orElseThrow(() -> new FlowEnd(
                FlowState.FAILED, "Onramp does not know a provider called \"" + connection.providerId() + "\"."));
        providerName = provider.name();
        if (!provider.connectsByOAuth()) {
            throw new FlowEnd(FlowState.FAILED, provider.name() + " connects with API credentials rather than a"
                    + " sign-in: connect it again with its credentials form.");
        }
        AirbyteGateway airbyte = parts.gateways().gatewayFor(connection.tenantId());
        ObjectNode configuration = switch (airbyte) {
            case PublicApiGateway cloud -> reauthorizeThroughRelay(cloud, provider, tenant);
            case ConfigApiGateway selfManaged -> reauthorizeThroughLoopback(selfManaged, provider, tenant);
            default -> throw new FlowEnd(FlowState.FAILED, "This Airbyte cannot sign a source in again.");
        };
        return testAndStore(airbyte, provider, configuration);
    }

    /** Cloud: consent through the relay, then {@code PATCH /sources/{id}} with the new secret id. */
    private ObjectNode reauthorizeThroughRelay(PublicApiGateway cloud, Provider provider, Tenant tenant) {
        String workspace = cloud.workspaceId().or(tenant::workspaceId).orElseThrow(() -> new FlowEnd(FlowState.FAILED,
                "Onramp does not know the Airbyte Cloud workspace of this connection: pick it in Settings."));
        RelayConsent consent = new RelayConsent(cloud, provider, workspace, parts.random());
        // The fields asked before consent (Zendesk's subdomain, …) are sent again as the source holds them.
        ObjectNode stored = storedConfiguration();
        CallbackResult callback;
        try (LoopbackReceiver waiting = LoopbackReceiver.open(parts.consentTimeout())) {
            receiver.set(waiting);
            checkCancelled();
            URI consentUrl = consent.start(waiting, ConsentInputs.inputsIn(provider, stored));
            advance(FlowState.AWAITING_CONSENT);
            listener.onStep(ConnectStep.WAITING_FOR_CONSENT);
            listener.onConsentUrl(consentUrl, parts.browser().open(consentUrl));
            callback = await(waiting);
        } finally {
            receiver.set(null);
        }
        if (callback.error().isPresent()) {
            throw ConnectService.refused(provider, callback.error().get());
        }
        listener.onStep(ConnectStep.AUTHORIZING);
        String secretId = consent.secretId(callback).orElseThrow(() -> new FlowEnd(FlowState.FAILED, "Airbyte sent the"
                + " browser back without the sign-in's secret id. Check that the relay page in Settings is Onramp's,"
                + " then try again."));
        advance(FlowState.AUTHORIZED);
        checkCancelled();
        listener.onStep(ConnectStep.UPDATING_SOURCE);
        ObjectNode configuration = consent.configuration(stored);
        cloud.reauthorizeSource(connection.sourceId(), secretId, configuration);
        return configuration;
    }

    /**
     * Self-managed: consent to the loopback receiver, {@code complete_oauth}, then the configuration
     * Onramp keeps for the connection with the new auth payload merged in (its non-secret fields stay)
     * goes to {@code sources/update}.
     */
    private ObjectNode reauthorizeThroughLoopback(ConfigApiGateway airbyte, Provider provider, Tenant tenant) {
        String workspace = tenant.workspaceId().orElseGet(() -> airbyte.listWorkspaces().stream().findFirst()
                .orElseThrow(() -> new FlowEnd(FlowState.FAILED, "This Airbyte has no workspace any more: connect "
                        + provider.name() + " again."))
                .id());
        ConnectorSpec spec = airbyte.getSpecification(provider.definitionId(), workspace);
        AdvancedAuth auth = spec.advancedAuth().orElseThrow(() -> ConnectService.noOAuthApp(provider));
        if (spec.globalCredentialsAvailable().equals(Optional.of(false))) {
            throw ConnectService.noOAuthApp(provider);
        }
        checkCancelled();
        ObjectNode stored = storedConfiguration();
        ObjectNode inputs = ConsentInputs.inputsIn(provider, stored);
        CallbackResult callback;
        URI redirect;
        try (LoopbackReceiver waiting = LoopbackReceiver.open(parts.consentTimeout())) {
            receiver.set(waiting);
            checkCancelled();
            redirect = waiting.redirectUri();
            URI consentUrl = ConnectService.consentUrl(airbyte, provider, workspace, redirect, inputs);
            String state = ConsentUrls.state(consentUrl).orElseThrow(() -> new FlowEnd(FlowState.FAILED,
                    "Airbyte's consent link for " + provider.name()
                            + " carries no state, so Onramp cannot tell its answer from a forged one."));
            waiting.expectState(state);
            advance(FlowState.AWAITING_CONSENT);
            listener.onStep(ConnectStep.WAITING_FOR_CONSENT);
            listener.onConsentUrl(consentUrl, parts.browser().open(consentUrl));
            callback = await(waiting);
        } finally {
            receiver.set(null);
        }
        if (callback.error().isPresent()) {
            throw ConnectService.refused(provider, callback.error().get());
        }
        listener.onStep(ConnectStep.AUTHORIZING);
        OAuthCompletion completion = airbyte.completeOAuthKeepingTokens(provider.definitionId(), workspace, redirect,
                callback.params(), inputs);
        // As on connect: an Airbyte that keeps the tokens gets its secret coordinate, one that sent them
        // gets them merged into the configuration Onramp keeps.
        ObjectNode configuration = AuthPayloadMerger.merge(stored, auth,
                completion instanceof OAuthCompletion.Tokens tokens ? tokens.authPayload() : json.createObjectNode());
        advance(FlowState.AUTHORIZED);
        checkCancelled();
        listener.onStep(ConnectStep.UPDATING_SOURCE);
        String name = airbyte.sourceName(connection.sourceId());
        switch (completion) {
            case OAuthCompletion.SecretCoordinate kept ->
                    airbyte.updateSourceWithSecret(connection.sourceId(), name, configuration, kept.secretId());
            case OAuthCompletion.Tokens _ -> airbyte.updateSource(connection.sourceId(), name, configuration);
        }
        return configuration;
    }

    /** The configuration Onramp keeps for the connection; empty when it has none it can read. */
    private ObjectNode storedConfiguration() {
        Optional<byte[]> stored = parts.connections().secretConfig(connection.tenantId(), connection.id());
        if (stored.isEmpty()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(new String(stored.get(), StandardCharsets.UTF_8)) instanceof ObjectNode object
                    ? object : json.createObjectNode();
        } catch (JacksonException e) {
            LOG.warn("The stored configuration of connection {} is not JSON; reconnecting from the sign-in alone",
                    connection.id());
            return json.createObjectNode();
        }
    }

    /**
     * Airbyte has the new sign-in now: test the source and store its streams. Cancelling no longer
     * applies, since the source in Airbyte has already changed.
     */
    private ConnectOutcome testAndStore(AirbyteGateway airbyte, Provider provider, ObjectNode configuration) {
        listener.onStep(ConnectStep.TESTING);
        CheckResult check = airbyte.checkConnection(connection.sourceId());
        if (!check.succeeded()) {
            throw new FlowEnd(FlowState.FAILED, "Airbyte could not read from " + provider.name()
                    + " with the new sign-in: " + check.message());
        }
        advance(FlowState.TESTED);
        listener.onStep(ConnectStep.DISCOVERING);
        List<String> streams = airbyte.discoverStreams(connection.sourceId()).stream().map(StreamInfo::name).toList();
        listener.onStep(ConnectStep.SAVING);
        Instant checked = parts.clock().instant();
        byte[] secret = configuration.toString().getBytes(StandardCharsets.UTF_8);
        parts.db().inTransaction(tx -> {
            parts.connections().reauthorized(tx, connection.tenantId(), connection.id(), streams, checked, secret);
            parts.journal().advance(tx, connection.tenantId(), id, FlowState.STORED, Optional.empty(), Optional.empty());
            parts.audit().append(tx, connection.tenantId(), parts.actor(), "connect.reauthorized",
                    "connection/" + connection.id(), "provider=" + connection.providerId() + " source="
                            + connection.sourceId() + " streams=" + streams.size() + " flow=" + id);
            return null;
        });
        return new ConnectOutcome.Connected(id, new Connection(connection.id(), connection.tenantId(),
                connection.providerId(), connection.sourceId(), connection.accountLabel(), ConnectionStatus.ACTIVE,
                streams, connection.createdAt(), Optional.of(checked), Optional.empty()));
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
                        + ConnectService.minutes(parts.consentTimeout()) + ". The connection stays as it was;"
                        + " reconnect when you are ready.");
            }
            if (e.getCause() instanceof CancellationException) {
                throw cancelledEnd();
            }
            throw new IllegalStateException("The loopback receiver failed", e.getCause());
        }
    }

    private void advance(FlowState state) {
        parts.db().inTransaction(tx -> {
            parts.journal().advance(tx, connection.tenantId(), id, state, Optional.empty(), Optional.empty());
            return null;
        });
    }

    private void checkCancelled() {
        if (cancelled.get() != null) {
            throw cancelledEnd();
        }
    }

    private FlowEnd cancelledEnd() {
        String why = cancelled.get();
        return new FlowEnd(FlowState.CANCELLED, why != null ? why
                : "Reconnecting " + providerName + " was cancelled; the connection stays as it was.");
    }

    /** Journals the end and writes its one audit entry; nothing in Airbyte is undone, as nothing was created. */
    private ConnectOutcome end(FlowState state, String message) {
        try {
            parts.db().inTransaction(tx -> {
                if (journaled) {
                    parts.journal().advance(tx, connection.tenantId(), id, state, Optional.empty(), Optional.of(message));
                }
                parts.audit().append(tx, connection.tenantId(), parts.actor(), auditAction(state),
                        "connection/" + connection.id(), "provider=" + connection.providerId() + " state=" + state
                                + " flow=" + id + ": " + message);
                return null;
            });
        } catch (StoreException e) {
            LOG.error("Reconnect flow {} ended ({}) but the end could not be recorded: {}", id, state, e.getMessage());
        }
        return new ConnectOutcome.Ended(id, state, message);
    }

    private static String auditAction(FlowState state) {
        return switch (state) {
            case CANCELLED -> "reconnect.cancelled";
            case TIMED_OUT -> "reconnect.timed-out";
            default -> "reconnect.failed";
        };
    }
}
