package dev.onramp.connect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.airbyte.AirbyteGateway;
import dev.onramp.connect.form.ConnectorForm;
import dev.onramp.connect.form.FormField;
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
import dev.onramp.text.Messages;
import dev.onramp.text.Text;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One typed-credentials connect flow: create the source, test it, list its streams and store it,
 * each step journaled before the next remote call. Its secrets appear only in the configuration
 * sent to Airbyte and in the encrypted connection row, never in a message, the journal or the audit.
 */
final class CredentialsRun extends FlowRun {
    private static final int SHORTEST_SECRET = 4;

    private final Provider provider;
    private final ConnectorForm form;
    private final FormValues values;
    private final AccountChoice account;
    private final Supplier<AirbyteGateway> gateways;
    private final List<String> secrets;

    CredentialsRun(FlowId id, TenantId tenantId, Provider provider, ConnectorForm form, FormValues values,
            AccountChoice account, ConnectListener listener, FlowStores stores, Supplier<AirbyteGateway> gateways) {
        super(id, tenantId, provider.id(), provider.name(), listener, stores);
        this.provider = provider;
        this.form = form;
        this.values = values;
        this.account = account;
        this.gateways = gateways;
        this.secrets = form.activeFields(values).stream().filter(FormField::secret)
                .map(field -> values.text(field.path()))
                .filter(secret -> secret.strip().length() >= SHORTEST_SECRET)
                .toList();
    }

    @Override
    protected ConnectOutcome steps() {
        listener.onStep(ConnectStep.PREPARING);
        Tenant tenant = stores.tenants().find(tenantId)
                .orElseThrow(() -> new FlowEnd(FlowState.FAILED, Text.of("connect.noBusiness")));
        journalStart();
        ObjectNode wanted = form.configuration(values);
        AccountLabels labels = new AccountLabels(stores);
        if (!account.allowDuplicate()) {
            labels.sameAccount(tenantId, provider.id(), wanted).ifPresent(existing -> {
                throw new FlowEnd(FlowState.FAILED, Text.of("connect.duplicate.refused",
                        AccountLabels.duplicateWarning(tenant.name(), provider, existing, wanted)), false);
            });
        }
        String label;
        try {
            label = labels.forNew(tenantId, provider, wanted, account.label());
        } catch (InvalidInputException e) {
            throw new FlowEnd(FlowState.FAILED, e.text(), false);
        }
        AirbyteGateway gateway = gateways.get();
        String workspace = stores.workspaceOf(tenant, gateway);
        checkCancelled();

        listener.onStep(ConnectStep.CREATING_SOURCE);
        ObjectNode configuration = form.configuration(values);
        creating(gateway, workspace);
        String created = create(() -> gateway.createSource(workspace, provider.definitionId(),
                provider.name() + " — " + tenant.name() + " [" + SourceUndo.marker(id) + "]", configuration));
        created(created);
        checkCancelled();

        List<String> streams = testAndDiscover(gateway, created, this::signInFailure);

        listener.onStep(ConnectStep.SAVING);
        Instant saved = stores.clock().instant();
        Connection connection = new Connection(ConnectionId.random(), tenantId, provider.id(), created,
                label, ConnectionStatus.ACTIVE, streams, saved, Optional.of(saved), Optional.empty())
                .in(createdIn());
        byte[] secretConfig = configuration.toString().getBytes(StandardCharsets.UTF_8);
        recordStored(tx -> stores.connections().insert(tx, tenantId, connection, secretConfig), "connect.succeeded",
                "connection/" + connection.id(), auditSubject() + " source=" + created + " streams=" + streams.size());
        return new ConnectOutcome.Connected(id, connection);
    }

    /** What to tell a person when Airbyte tested the source and the provider refused the values. */
    private Text signInFailure(Text airbyteSaid) {
        return signInFailure(provider, form, values, hidden(airbyteSaid));
    }

    /**
     * What to tell a person when the provider refused {@code typed}: which secrets to check (those
     * typed, not those left to keep their stored value), then Airbyte's words ({@code said}, with
     * every secret already hidden).
     */
    static Text signInFailure(Provider provider, ConnectorForm form, FormValues typed, Text said) {
        List<String> secretTitles = form.activeFields(typed).stream().filter(FormField::secret)
                .filter(field -> !typed.text(field.path()).isBlank())
                .map(FormField::title).distinct().toList();
        Text advice = switch (secretTitles.size()) {
            case 0 -> Text.of("connect.credentials.checkSettings", provider.name());
            case 1 -> Text.of("connect.credentials.checkKey", provider.name(), secretTitles.getFirst());
            default -> Text.of("connect.credentials.checkSecrets", provider.name(),
                    String.join(", ", secretTitles.subList(0, secretTitles.size() - 1)), secretTitles.getLast());
        };
        boolean nothingSaid = Messages.english().render(Text.clause(said)).isEmpty();
        return nothingSaid ? advice : Text.of("connect.credentials.airbyteSaid", advice, Text.clause(said));
    }

    @Override
    protected String auditSubject() {
        return "provider=" + provider.id() + " auth=credentials";
    }

    /** The text with every secret the person typed replaced, in case Airbyte or the provider repeated one. */
    @Override
    protected String hidden(String text) {
        String result = text == null ? "" : text;
        for (String secret : secrets) {
            result = result.replace(secret.strip(), "[hidden]");
        }
        return result;
    }
}
