package dev.onramp.connect;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.airbyte.AdvancedAuth;
import dev.onramp.airbyte.AirbyteGateway;
import dev.onramp.airbyte.AuthPayloadMerger;
import dev.onramp.airbyte.CheckResult;
import dev.onramp.airbyte.OAuthCompletion;
import dev.onramp.airbyte.SignIn;
import dev.onramp.model.AirbyteLocation;
import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionId;
import dev.onramp.model.ConnectionStatus;
import dev.onramp.model.FlowId;
import dev.onramp.model.FlowKind;
import dev.onramp.model.FlowState;
import dev.onramp.model.Provider;
import dev.onramp.model.StreamInfo;
import dev.onramp.model.Tenant;
import dev.onramp.store.Tx;
import dev.onramp.text.Text;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs an existing OAuth connection in again: the consent of a connect (loopback receiver and
 * state on a self-managed Airbyte, the https relay and a nonce on Cloud), then the source gets the
 * new sign-in under its old id (self-managed: {@code complete_oauth}, then the kept sign-in's secret
 * coordinate through {@code sources/partial_update}, or the tokens merged into the configuration
 * through {@code sources/update}; Cloud: {@code PATCH /sources/{id}} with the new secret id), is tested,
 * and its streams are listed and stored again.
 *
 * <p>The journal never records the source id: it belongs to the connection, not to this flow, so
 * neither an end nor the recovery of an interrupted reconnect deletes it. Until Airbyte has the new
 * sign-in, a cancel or failure leaves everything as it was; once it has it, the flow finishes. It
 * never says it is {@linkplain #creating creating} a source, so its end never deletes one. Its row
 * names the connection: a reconnect does not start while the connection is being disconnected or
 * once it is, and a disconnect does not start while it runs (ADR 0023).
 */
final class ReconnectRun extends FlowRun {
    private static final Logger LOG = LoggerFactory.getLogger(ReconnectRun.class);

    private final SignInParts parts;
    private final Connection connection;
    private final ObjectMapper json = new ObjectMapper();

    ReconnectRun(FlowId id, Connection connection, ConnectListener listener, FlowStores stores, SignInParts parts) {
        super(id, connection.tenantId(), connection.providerId(), connection.providerId(), listener, stores);
        this.parts = parts;
        this.connection = connection;
    }

    @Override
    protected Optional<ConnectionId> existingConnection() {
        return Optional.of(connection.id());
    }

    @Override
    protected void claim(Tx tx) {
        String name = parts.providers().provider(tenantId, providerId).map(Provider::name).orElse(providerId);
        Connection now = stores.connections().lock(tx, tenantId, connection.id()).orElseThrow(() -> new FlowEnd(
                FlowState.FAILED, Text.of("connect.connectionGone"), false));
        if (now.disconnected()) {
            throw new FlowEnd(FlowState.FAILED, Text.of("connect.reconnect.disconnected", name), false);
        }
        if (stores.journal().unfinishedOn(tx, tenantId, connection.id()).stream()
                .anyMatch(flow -> flow.kind() == FlowKind.DISCONNECT)) {
            throw new FlowEnd(FlowState.FAILED, Text.of("connect.reconnect.beingDisconnected", name), false);
        }
    }

    @Override
    protected ConnectOutcome steps() {
        journalStart();
        listener.onStep(ConnectStep.PREPARING);
        Tenant tenant = stores.tenants().find(tenantId)
                .orElseThrow(() -> new FlowEnd(FlowState.FAILED, Text.of("connect.noBusiness")));
        Provider provider = parts.providers().provider(tenantId, providerId).orElseThrow(() -> new FlowEnd(
                FlowState.FAILED, Text.of("connect.unknownProvider", providerId)));
        named(provider);
        if (!provider.connectsByOAuth()) {
            throw new FlowEnd(FlowState.FAILED, Text.of("connect.reconnect.usesCredentials", provider.name()));
        }
        AirbyteGateway airbyte = parts.airbyteOf().apply(tenantId);
        AirbyteLocation now = stores.locationNow(tenant, airbyte);
        if (connection.airbyte().filter(made -> made.differsFrom(now)).isPresent()) {
            throw new FlowEnd(FlowState.FAILED, Text.of("connect.reconnect.livesElsewhere", provider.name(),
                    connection.airbyte().get().text(), tenant.name(), now.text()));
        }
        ObjectNode configuration = switch (airbyte.signIn()) {
            case SignIn.Relay relay -> reauthorizeThroughRelay(relay, provider, tenant);
            case SignIn.Loopback loopback -> reauthorizeThroughLoopback(airbyte, loopback, provider, tenant);
        };
        return testAndStore(airbyte, provider, configuration);
    }

    /** Cloud: consent through the relay, then {@code PATCH /sources/{id}} with the new secret id. */
    private ObjectNode reauthorizeThroughRelay(SignIn.Relay cloud, Provider provider, Tenant tenant) {
        String workspace = cloud.workspaceId().or(tenant::workspaceId).orElseThrow(() -> new FlowEnd(FlowState.FAILED,
                Text.of("connect.reconnect.noCloudWorkspace")));
        RelayConsent relay = new RelayConsent(cloud, provider, workspace, parts.random());
        // The fields asked before consent (Zendesk's subdomain, …) are sent again as the source holds them.
        ObjectNode stored = storedConfiguration();
        Consent consent = awaitConsent(provider, parts,
                waiting -> relay.start(waiting, ConsentInputs.inputsIn(provider, stored)));
        String secretId = SignInSteps.relayedSecretId(relay, consent.callback());
        advance(FlowState.AUTHORIZED);
        checkCancelled();
        listener.onStep(ConnectStep.UPDATING_SOURCE);
        ObjectNode configuration = relay.configuration(stored);
        cloud.reauthorizeSource(provider, connection.sourceId(), secretId, configuration);
        return configuration;
    }

    /**
     * Self-managed: consent to the loopback receiver, {@code complete_oauth}, then the configuration
     * Onramp keeps for the connection (its non-secret fields) goes to Airbyte with the new sign-in:
     * the secret coordinate Airbyte kept, or the tokens it sent merged in.
     */
    private ObjectNode reauthorizeThroughLoopback(AirbyteGateway airbyte, SignIn.Loopback loopback, Provider provider,
            Tenant tenant) {
        String workspace = tenant.workspaceId().orElseGet(() -> airbyte.listWorkspaces().stream().findFirst()
                .orElseThrow(() -> new FlowEnd(FlowState.FAILED, Text.of("connect.reconnect.noWorkspace", provider.name())))
                .id());
        AdvancedAuth auth = SignInSteps.oauthApp(airbyte, provider, workspace);
        checkCancelled();
        ObjectNode stored = storedConfiguration();
        ObjectNode inputs = ConsentInputs.inputsIn(provider, stored);
        Consent consent = awaitConsent(provider, parts,
                waiting -> SignInSteps.loopbackConsentLink(loopback, provider, workspace, waiting, inputs));
        OAuthCompletion completion = loopback.completeOAuthKeepingTokens(provider.definitionId(), workspace,
                consent.redirect(), consent.completionParameters(), inputs);
        // As on connect: an Airbyte that keeps the tokens gets its secret coordinate, one that sent them
        // gets them merged into the configuration Onramp keeps.
        ObjectNode configuration = AuthPayloadMerger.merge(stored, auth,
                completion instanceof OAuthCompletion.Tokens tokens ? tokens.authPayload() : json.createObjectNode());
        advance(FlowState.AUTHORIZED);
        checkCancelled();
        listener.onStep(ConnectStep.UPDATING_SOURCE);
        loopback.reauthorizeSource(workspace, provider.definitionId(), connection.sourceId(), configuration, completion);
        return configuration;
    }

    /** The configuration Onramp keeps for the connection; empty when it has none it can read. */
    private ObjectNode storedConfiguration() {
        Optional<byte[]> stored = stores.connections().secretConfig(tenantId, connection.id());
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
            throw new FlowEnd(FlowState.FAILED, Text.of("connect.reconnect.couldNotRead", provider.name(), check.text()));
        }
        advance(FlowState.TESTED);
        listener.onStep(ConnectStep.DISCOVERING);
        List<String> streams = airbyte.discoverStreams(connection.sourceId()).stream().map(StreamInfo::name).toList();
        listener.onStep(ConnectStep.SAVING);
        Instant checked = stores.clock().instant();
        byte[] secret = configuration.toString().getBytes(StandardCharsets.UTF_8);
        recordStored(tx -> stores.connections().reauthorized(tx, tenantId, connection.id(), streams, checked, secret),
                "connect.reauthorized", auditResource(), "provider=" + providerId + " source=" + connection.sourceId()
                        + " streams=" + streams.size() + " flow=" + id);
        return new ConnectOutcome.Connected(id, new Connection(connection.id(), tenantId, providerId,
                connection.sourceId(), connection.accountLabel(), ConnectionStatus.ACTIVE, streams,
                connection.createdAt(), Optional.of(checked), Optional.empty(), connection.airbyte()));
    }

    @Override
    protected Text doing() {
        return Text.of("connect.reconnect.doing", providerName());
    }

    @Override
    protected Text cancelledMessage() {
        return Text.of("connect.reconnect.cancelled", providerName());
    }

    @Override
    protected Text timedOutAdvice() {
        return Text.of("connect.reconnect.timedOutAdvice");
    }

    @Override
    protected String auditPrefix() {
        return "reconnect";
    }

    @Override
    protected String auditResource() {
        return "connection/" + connection.id();
    }

    @Override
    protected String auditSubject() {
        return "provider=" + providerId + " flow=" + id;
    }
}
