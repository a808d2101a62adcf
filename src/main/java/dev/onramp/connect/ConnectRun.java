package dev.onramp.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.airbyte.AdvancedAuth;
import dev.onramp.airbyte.AirbyteGateway;
import dev.onramp.airbyte.AuthPayloadMerger;
import dev.onramp.airbyte.OAuthCompletion;
import dev.onramp.airbyte.SignIn;
import dev.onramp.connect.form.FormValues;
import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionId;
import dev.onramp.model.ConnectionStatus;
import dev.onramp.model.FlowId;
import dev.onramp.model.FlowState;
import dev.onramp.model.InvalidInputException;
import dev.onramp.model.Provider;
import dev.onramp.model.Tenant;
import dev.onramp.model.TenantId;
import dev.onramp.text.Text;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * One OAuth connect from start to end (consent, callback, complete OAuth, create, test, discover,
 * store); cancel() takes effect between steps and while waiting for the browser.
 */
final class ConnectRun extends FlowRun {
    private final FormValues inputs;
    private final AccountChoice account;
    private final SignInParts parts;
    private final ConsentInputs consentInputs;
    private final ObjectMapper json = new ObjectMapper();

    ConnectRun(FlowId id, TenantId tenantId, String providerId, FormValues inputs, AccountChoice account,
            ConnectListener listener, FlowStores stores, SignInParts parts, ConsentInputs consentInputs) {
        super(id, tenantId, providerId, providerId, listener, stores);
        this.inputs = inputs;
        this.account = account;
        this.parts = parts;
        this.consentInputs = consentInputs;
    }

    @Override
    protected ConnectOutcome steps() {
        Tenant tenant = stores.tenants().find(tenantId)
                .orElseThrow(() -> new FlowEnd(FlowState.FAILED, Text.of("connect.noBusiness")));
        journalStart();
        listener.onStep(ConnectStep.PREPARING);
        Provider provider = parts.providers().provider(tenantId, providerId).orElseThrow(() -> new FlowEnd(FlowState.FAILED,
                Text.of("connect.unknownProvider", providerId)));
        named(provider);
        if (!provider.connectsByOAuth()) {
            throw new FlowEnd(FlowState.FAILED, Text.of("connect.run.usesCredentials", provider.name()));
        }
        ConsentInputs.Given given = consentInputs.given(provider, inputs);
        AccountLabels labels = new AccountLabels(stores);
        if (!account.allowDuplicate()) {
            labels.sameAccount(tenantId, providerId, given.configuration()).ifPresent(existing -> {
                throw new FlowEnd(FlowState.FAILED, Text.of("connect.duplicate.refused",
                        AccountLabels.duplicateWarning(tenant.name(), provider, existing, given.configuration())), false);
            });
        }
        // A label the person gave is refused before the browser opens, not after the source exists.
        account.label().ifPresent(label -> {
            try {
                labels.forNew(tenantId, provider, given.configuration(), Optional.of(label));
            } catch (InvalidInputException e) {
                throw new FlowEnd(FlowState.FAILED, e.text(), false);
            }
        });
        AirbyteGateway airbyte = parts.airbyteOf().apply(tenantId);
        return switch (airbyte.signIn()) {
            case SignIn.Relay relay -> connectThroughRelay(airbyte, relay, provider,
                    relay.workspaceId().orElseGet(() -> stores.workspaceOf(tenant, airbyte)), tenant, given);
            case SignIn.Loopback loopback -> connectThroughLoopback(airbyte, loopback, provider,
                    stores.workspaceOf(tenant, airbyte), tenant, given);
        };
    }

    /**
     * A self-managed Airbyte: the consent returns to the loopback receiver with the link's state,
     * Airbyte completes the OAuth, and the source is made from the secret it kept or the tokens it sent.
     */
    private ConnectOutcome connectThroughLoopback(AirbyteGateway airbyte, SignIn.Loopback loopback, Provider provider,
            String workspace, Tenant tenant, ConsentInputs.Given given) {
        AdvancedAuth auth = SignInSteps.oauthApp(airbyte, provider, workspace);
        checkCancelled();

        Consent consent = awaitConsent(provider, parts, waiting ->
                SignInSteps.loopbackConsentLink(loopback, provider, workspace, waiting, given.oauthInput()));
        OAuthCompletion completion = loopback.completeOAuthKeepingTokens(provider.definitionId(), workspace,
                consent.redirect(), consent.completionParameters(), given.oauthInput());
        advance(FlowState.AUTHORIZED);
        checkCancelled();

        listener.onStep(ConnectStep.CREATING_SOURCE);
        creating(airbyte, workspace);
        // Airbyte that keeps the tokens gets a configuration with only the predicate and the person's
        // inputs; one that sent them gets them merged in, as its web app does.
        ObjectNode configuration = AuthPayloadMerger.merge(given.configuration(), auth,
                completion instanceof OAuthCompletion.Tokens tokens ? tokens.authPayload() : json.createObjectNode());
        String name = sourceName(provider, tenant);
        String created = create(() -> switch (completion) {
            case OAuthCompletion.SecretCoordinate kept -> loopback.createSourceWithSecret(workspace,
                    provider.definitionId(), name, configuration, kept.secretId());
            case OAuthCompletion.Tokens _ -> airbyte.createSource(workspace, provider.definitionId(), name,
                    configuration);
        });
        return testAndStore(airbyte, provider, created, configuration);
    }

    /**
     * Airbyte Cloud: the consent returns through the operator's https relay with a secret id,
     * and the source is made from that secret, so the provider's tokens never reach Onramp.
     */
    private ConnectOutcome connectThroughRelay(AirbyteGateway airbyte, SignIn.Relay cloud, Provider provider,
            String workspace, Tenant tenant, ConsentInputs.Given given) {
        RelayConsent relay = new RelayConsent(cloud, provider, workspace, parts.random());
        Consent consent = awaitConsent(provider, parts, waiting -> relay.start(waiting, given.oauthInput()));
        String secretId = SignInSteps.relayedSecretId(relay, consent.callback());
        advance(FlowState.AUTHORIZED);
        checkCancelled();

        listener.onStep(ConnectStep.CREATING_SOURCE);
        ObjectNode configuration = relay.configuration(given.configuration());
        creating(airbyte, workspace);
        String created = create(() -> relay.createSource(sourceName(provider, tenant), configuration, secretId));
        return testAndStore(airbyte, provider, created, configuration);
    }

    /** The source's name in Airbyte, with the flow's marker so that a lost answer can be found again. */
    private String sourceName(Provider provider, Tenant tenant) {
        return provider.name() + " — " + tenant.name() + " [" + SourceUndo.marker(id) + "]";
    }

    /** Records the new source, tests it, lists its streams and stores the connection. */
    private ConnectOutcome testAndStore(AirbyteGateway airbyte, Provider provider, String created,
            ObjectNode configuration) {
        created(created);
        checkCancelled();

        List<String> streams = testAndDiscover(airbyte, created,
                said -> Text.of("connect.run.couldNotRead", provider.name(), said));

        listener.onStep(ConnectStep.SAVING);
        Connection connection = new Connection(ConnectionId.random(), tenantId, providerId, created,
                new AccountLabels(stores).forNew(tenantId, provider, configuration, account.label()), ConnectionStatus.ACTIVE, streams, stores.clock().instant(),
                Optional.of(stores.clock().instant()), Optional.empty()).in(createdIn());
        byte[] secret = configuration.toString().getBytes(StandardCharsets.UTF_8);
        recordStored(tx -> stores.connections().insert(tx, tenantId, connection, secret), "connect.succeeded",
                "connection/" + connection.id(), auditSubject() + " source=" + created + " streams=" + streams.size());
        return new ConnectOutcome.Connected(id, connection);
    }

    @Override
    protected String auditSubject() {
        return "provider=" + providerId;
    }
}
