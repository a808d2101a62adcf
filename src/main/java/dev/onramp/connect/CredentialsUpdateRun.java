package dev.onramp.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.airbyte.AirbyteException;
import dev.onramp.airbyte.AirbyteGateway;
import dev.onramp.airbyte.CheckResult;
import dev.onramp.airbyte.SourceUpdate;
import dev.onramp.connect.form.ConnectorForm;
import dev.onramp.connect.form.FormField;
import dev.onramp.connect.form.FormValues;
import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionStatus;
import dev.onramp.model.FlowId;
import dev.onramp.model.FlowState;
import dev.onramp.model.Provider;
import dev.onramp.model.StreamInfo;
import dev.onramp.model.Tenant;
import dev.onramp.text.Text;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a typed-credential connection new credentials in place: the same Airbyte source, under its
 * id, gets the whole new configuration, is tested and its streams are listed again, and only then does
 * Onramp store the new configuration (encrypted) with the streams.
 *
 * <p>A refused configuration leaves the stored connection as it was, and Airbyte's source keeps (or
 * gets back) the configuration that worked: where Airbyte tests a proposed configuration first (the
 * Config API's {@code sources/check_connection_for_update}), a refused one never reaches the source;
 * where it cannot (Cloud), the source gets the new one, is tested, and gets the previous one back when
 * the test fails, and the flow says so honestly when even that fails (and marks the connection failed).
 *
 * <p>As for a reconnect, the journal never records the source id (it belongs to the connection, so no
 * end or recovery deletes it); a cancel applies until Airbyte's source changes, and the flow finishes
 * after that. Its secrets, typed or stored, appear only in what goes to Airbyte and in the encrypted
 * row, never in a message, the journal or the audit.
 */
final class CredentialsUpdateRun extends FlowRun {
    private static final Logger LOG = LoggerFactory.getLogger(CredentialsUpdateRun.class);
    private static final int SHORTEST_SECRET = 4;

    private final Connection connection;
    private final Provider provider;
    private final ConnectorForm form;
    private final FormValues typed;
    private final FormValues values;
    private final ObjectNode previous;
    private final Supplier<AirbyteGateway> gateways;
    private final List<String> secrets = new ArrayList<>();

    /**
     * @param typed the values as the person gave them (a secret left empty is kept), for the advice a
     *     refusal gives
     * @param values the values to send: {@code typed} with each kept secret's stored value in it
     * @param previous the configuration the connection holds now, which Airbyte's source gets back
     *     when the new one fails its test after the source took it
     */
    CredentialsUpdateRun(FlowId id, Connection connection, Provider provider, ConnectorForm form, FormValues typed,
            FormValues values, ObjectNode previous, ConnectListener listener, FlowStores stores,
            Supplier<AirbyteGateway> gateways) {
        super(id, connection.tenantId(), provider.id(), provider.name(), listener, stores);
        this.connection = connection;
        this.provider = provider;
        this.form = form;
        this.typed = typed;
        this.values = values;
        this.previous = previous;
        this.gateways = gateways;
        for (FormField field : form.allElements().stream().filter(e -> e instanceof FormField f && f.secret())
                .map(FormField.class::cast).toList()) {
            String now = values.text(field.path()).strip();
            if (now.length() >= SHORTEST_SECRET) {
                secrets.add(now);
            }
            JsonNode stored = previous;
            for (String key : field.keys()) {
                stored = stored.path(key);
            }
            String before = stored.asText("").strip();
            if (before.length() >= SHORTEST_SECRET) {
                secrets.add(before);
            }
        }
    }

    @Override
    protected ConnectOutcome steps() {
        journalStart();
        listener.onStep(ConnectStep.PREPARING);
        Tenant tenant = stores.tenants().find(tenantId)
                .orElseThrow(() -> new FlowEnd(FlowState.FAILED, Text.of("connect.noBusiness")));
        AirbyteGateway airbyte = gateways.get();
        String workspace = stores.workspaceOf(tenant, airbyte);
        ObjectNode configuration = form.configuration(values);
        checkCancelled();

        SourceUpdate update = airbyte.sourceUpdate();
        switch (update) {
            case SourceUpdate.TestedFirst first -> {
                listener.onStep(ConnectStep.TESTING_CREDENTIALS);
                CheckResult proposed = first.checkConfiguration(workspace, provider.definitionId(),
                        connection.sourceId(), configuration);
                if (!proposed.succeeded()) {
                    throw new FlowEnd(FlowState.FAILED, Text.of("connect.update.keepsCurrent", refused(proposed.text())));
                }
                checkCancelled();
                replace(first, workspace, configuration);
            }
            case SourceUpdate.TestedAfter after -> replace(after, workspace, configuration);
        }

        // Airbyte's source holds the new configuration now: the flow finishes; a cancel no longer applies.
        listener.onStep(ConnectStep.TESTING);
        CheckResult check;
        try {
            check = airbyte.checkConnection(connection.sourceId());
        } catch (AirbyteException e) {
            throw new FlowEnd(FlowState.FAILED, Text.of("connect.update.testFailed", hidden(e.text())));
        }
        if (!check.succeeded()) {
            throw new FlowEnd(FlowState.FAILED, Text.joined(" ", List.of(refused(check.text()),
                    restorePrevious(update, workspace))));
        }
        advance(FlowState.TESTED);
        listener.onStep(ConnectStep.DISCOVERING);
        List<String> streams;
        try {
            streams = airbyte.discoverStreams(connection.sourceId()).stream().map(StreamInfo::name).toList();
        } catch (AirbyteException e) {
            throw new FlowEnd(FlowState.FAILED, Text.of("connect.update.discoveryFailed", hidden(e.text())));
        }

        listener.onStep(ConnectStep.SAVING);
        Instant checked = stores.clock().instant();
        // A label Onramp took from the account's identifying value follows it; one a person chose stays.
        Optional<String> before = AccountLabels.identifying(previous);
        Optional<String> after = AccountLabels.identifying(configuration);
        String label = before.filter(connection.accountLabel()::equals).isPresent() && after.isPresent()
                && !after.equals(before) ? after.get() : connection.accountLabel();
        byte[] secretConfig = configuration.toString().getBytes(StandardCharsets.UTF_8);
        recordStored(tx -> stores.connections().credentialsUpdated(tx, tenantId, connection.id(), label, streams,
                checked, secretConfig), "connection.credentials-updated", auditResource(),
                "provider=" + provider.id() + " source=" + connection.sourceId() + " streams=" + streams.size()
                        + " flow=" + id);
        return new ConnectOutcome.Connected(id, new Connection(connection.id(), tenantId, provider.id(),
                connection.sourceId(), label, ConnectionStatus.ACTIVE, streams, connection.createdAt(),
                Optional.of(checked), Optional.empty(), connection.airbyte()));
    }

    /** Gives Airbyte's source the new configuration and journals that it has it. */
    private void replace(SourceUpdate update, String workspace, ObjectNode configuration) {
        listener.onStep(ConnectStep.UPDATING_CREDENTIALS);
        update.replaceConfiguration(workspace, provider.definitionId(), connection.sourceId(), configuration);
        advance(FlowState.AUTHORIZED);
    }

    /**
     * After the source failed its test with the new configuration: gives it back the previous one and
     * says so; when Airbyte refuses that too, says what the source holds now and marks the connection
     * failed, so that Onramp does not call it connected.
     */
    private Text restorePrevious(SourceUpdate update, String workspace) {
        listener.onStep(ConnectStep.RESTORING_CREDENTIALS);
        try {
            update.replaceConfiguration(workspace, provider.definitionId(), connection.sourceId(), previous);
            return Text.of("connect.update.restored");
        } catch (AirbyteException e) {
            Text why = hidden(e.text());
            LOG.warn("Flow {} could not give source {} its previous credentials back: {}", id, connection.sourceId(),
                    hidden(e.getMessage()));
            // The connection's last error is kept as data, in English, like every stored record.
            String error = "Airbyte's source holds credentials " + provider.name() + " refused, and Onramp could not"
                    + " give it the previous ones back: update its credentials again.";
            try {
                stores.db().inTransaction(tx -> {
                    stores.connections().checked(tx, tenantId, connection.id(), ConnectionStatus.FAILED,
                            Optional.of(stores.clock().instant()), Optional.of(error));
                    if (connection.status() != ConnectionStatus.FAILED) {
                        stores.audit().append(tx, tenantId, stores.actor(), "connection.status-changed",
                                auditResource(), "provider=" + provider.id() + " from=" + connection.status()
                                        + " to=" + ConnectionStatus.FAILED);
                    }
                    return null;
                });
            } catch (RuntimeException stored) {
                LOG.error("Flow {} could not mark connection {} failed: {}", id, connection.id(), stored.getMessage());
            }
            return Text.of("connect.update.notRestored", Text.clause(why), provider.name());
        }
    }

    /** What to tell a person when the provider refused the values: which of those they typed to check. */
    private Text refused(Text airbyteSaid) {
        return CredentialsRun.signInFailure(provider, form, typed, hidden(airbyteSaid));
    }

    @Override
    protected Text doing() {
        return Text.of("connect.update.doing", provider.name());
    }

    @Override
    protected Text cancelledMessage() {
        return Text.of("connect.update.cancelled", provider.name());
    }

    @Override
    protected String auditPrefix() {
        return "connection.credentials-update";
    }

    @Override
    protected String auditResource() {
        return "connection/" + connection.id();
    }

    @Override
    protected String auditSubject() {
        return "provider=" + provider.id() + " flow=" + id;
    }

    /** The text with every secret, typed or stored, replaced, in case Airbyte or the provider repeated one. */
    @Override
    protected String hidden(String text) {
        String result = text == null ? "" : text;
        for (String secret : secrets) {
            result = result.replace(secret, "[hidden]");
        }
        return result;
    }
}
