package dev.onramp.connect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onramp.airbyte.AirbyteException;
import dev.onramp.airbyte.AirbyteGateway;
import dev.onramp.airbyte.CheckResult;
import dev.onramp.connect.form.ConnectorForm;
import dev.onramp.connect.form.FormField;
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
import dev.onramp.store.AuditLog;
import dev.onramp.store.ConnectionRepository;
import dev.onramp.store.Database;
import dev.onramp.store.FlowJournal;
import dev.onramp.store.StoreException;
import dev.onramp.store.TenantRepository;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One typed-credentials connect flow: create the source, test it, list its streams and store it,
 * each step journaled before the next remote call. Its secrets appear only in the configuration
 * sent to Airbyte and in the encrypted connection row, never in a message, the journal or the audit.
 */
final class CredentialsRun implements ConnectFlow {
    private static final Logger LOG = LoggerFactory.getLogger(CredentialsRun.class);
    /** Configuration fields that name the account, in the order they are preferred as its label. */
    private static final List<String> IDENTIFYING = List.of("shop", "account_id", "subdomain", "domain", "site");
    private static final int SHORTEST_SECRET = 4;

    /** What the flow records into. */
    record Stores(Database db, TenantRepository tenants, ConnectionRepository connections, FlowJournal journal,
            AuditLog audit, Clock clock, String actor) {}

    private final FlowId id;
    private final TenantId tenantId;
    private final Provider provider;
    private final ConnectorForm form;
    private final FormValues values;
    private final ConnectListener listener;
    private final Stores stores;
    private final Supplier<AirbyteGateway> gateways;
    private final Function<AirbyteGateway, String> workspaces;
    private final List<String> secrets;
    private final CompletableFuture<ConnectOutcome> outcome = new CompletableFuture<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private Optional<AirbyteGateway> airbyte = Optional.empty();
    private Optional<String> sourceId = Optional.empty();
    private boolean journaled;

    CredentialsRun(FlowId id, TenantId tenantId, Provider provider, ConnectorForm form, FormValues values,
            ConnectListener listener, Stores stores, Supplier<AirbyteGateway> gateways,
            Function<AirbyteGateway, String> workspaces) {
        this.id = id;
        this.tenantId = tenantId;
        this.provider = provider;
        this.form = form;
        this.values = values;
        this.listener = listener;
        this.stores = stores;
        this.gateways = gateways;
        this.workspaces = workspaces;
        this.secrets = form.activeFields(values).stream().filter(FormField::secret)
                .map(field -> values.text(field.path()))
                .filter(secret -> secret.strip().length() >= SHORTEST_SECRET)
                .toList();
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
        cancelled.set(true);
    }

    void execute() {
        ConnectOutcome result;
        try {
            result = steps();
        } catch (FlowEnd end) {
            result = end(end.state, end.getMessage());
        } catch (AirbyteException | StoreException | InvalidInputException e) {
            result = end(FlowState.FAILED, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Connect flow {} failed unexpectedly", id, e);
            result = end(FlowState.FAILED, "Something unexpected went wrong while connecting " + provider.name()
                    + " (" + e.getClass().getSimpleName() + "). The log in the data folder has the details.");
        }
        outcome.complete(result);
    }

    private ConnectOutcome steps() {
        listener.onStep(ConnectStep.PREPARING);
        Tenant tenant = stores.tenants().find(tenantId)
                .orElseThrow(() -> new FlowEnd(FlowState.FAILED, "Onramp does not know that business any more."));
        Instant now = stores.clock().instant();
        stores.db().inTransaction(tx -> {
            stores.journal().start(tx, tenantId, new FlowRecord(id, tenantId, provider.id(), FlowState.STARTED,
                    Optional.empty(), Optional.empty(), now, now));
            return null;
        });
        journaled = true;
        AirbyteGateway gateway = gateways.get();
        airbyte = Optional.of(gateway);
        String workspace = workspaces.apply(gateway);
        checkCancelled();

        listener.onStep(ConnectStep.CREATING_SOURCE);
        ObjectNode configuration = form.configuration(values);
        String created = gateway.createSource(workspace, provider.definitionId(),
                provider.name() + " — " + tenant.name() + " [" + ConnectService.sourceMarker(id) + "]", configuration);
        sourceId = Optional.of(created);
        advance(FlowState.SOURCE_CREATED);
        checkCancelled();

        listener.onStep(ConnectStep.TESTING);
        CheckResult check = gateway.checkConnection(created);
        if (!check.succeeded()) {
            throw new FlowEnd(FlowState.FAILED, signInFailure(check.message()));
        }
        advance(FlowState.TESTED);
        checkCancelled();

        listener.onStep(ConnectStep.DISCOVERING);
        List<String> streams = gateway.discoverStreams(created).stream().map(StreamInfo::name).toList();
        checkCancelled();

        listener.onStep(ConnectStep.SAVING);
        Instant saved = stores.clock().instant();
        Connection connection = new Connection(ConnectionId.random(), tenantId, provider.id(), created,
                accountLabel(), ConnectionStatus.ACTIVE, streams, saved, Optional.of(saved), Optional.empty());
        byte[] secretConfig = configuration.toString().getBytes(StandardCharsets.UTF_8);
        stores.db().inTransaction(tx -> {
            stores.connections().insert(tx, tenantId, connection, secretConfig);
            stores.journal().advance(tx, tenantId, id, FlowState.STORED, Optional.empty(), Optional.empty());
            stores.audit().append(tx, tenantId, stores.actor(), "connect.succeeded", "connection/" + connection.id(),
                    "provider=" + provider.id() + " auth=credentials source=" + created + " streams=" + streams.size());
            return null;
        });
        return new ConnectOutcome.Connected(id, connection);
    }

    /** What to tell a person when Airbyte tested the source and the provider refused the values. */
    private String signInFailure(String airbyteSaid) {
        List<String> secretTitles = form.activeFields(values).stream().filter(FormField::secret)
                .filter(field -> !values.text(field.path()).isBlank())
                .map(FormField::title).distinct().toList();
        String advice = switch (secretTitles.size()) {
            case 0 -> "Airbyte could not connect to " + provider.name() + " with these settings: check them";
            case 1 -> "Airbyte could not sign in to " + provider.name() + " with that key: check the "
                    + secretTitles.getFirst();
            default -> "Airbyte could not sign in to " + provider.name() + " with those credentials: check the "
                    + String.join(", ", secretTitles.subList(0, secretTitles.size() - 1)) + " and the "
                    + secretTitles.getLast();
        };
        String said = hidden(airbyteSaid).strip().replaceAll("[.\\s]+$", "");
        return advice + "." + (said.isEmpty() ? "" : " (Airbyte said: " + said + ".)");
    }

    /** The account's name for the hub: a field that names it (Stripe's account id, a shop), else the provider's name. */
    private String accountLabel() {
        List<FormField> named = new ArrayList<>(form.activeFields(values).stream()
                .filter(field -> !field.secret() && IDENTIFYING.contains(field.keys().getLast()))
                .filter(field -> !values.text(field.path()).isBlank())
                .toList());
        named.sort(Comparator.comparingInt(field -> IDENTIFYING.indexOf(field.keys().getLast())));
        return named.isEmpty() ? provider.name() : values.text(named.getFirst().path()).strip();
    }

    private void advance(FlowState state) {
        stores.db().inTransaction(tx -> {
            stores.journal().advance(tx, tenantId, id, state, sourceId, Optional.empty());
            return null;
        });
    }

    private void checkCancelled() {
        if (cancelled.get()) {
            throw new FlowEnd(FlowState.CANCELLED, "Connecting " + provider.name() + " was cancelled.");
        }
    }

    /** Ends the flow: deletes a created source, journals the end and writes its one audit entry. */
    private ConnectOutcome end(FlowState state, String reason) {
        String message = hidden(reason);
        String details = "provider=" + provider.id() + " auth=credentials state=" + state;
        if (sourceId.isPresent() && airbyte.isPresent()) {
            try {
                airbyte.get().deleteSource(sourceId.get());
                details += " source " + sourceId.get() + " deleted";
                sourceId = Optional.empty();
            } catch (AirbyteException e) {
                if (e.kind() == AirbyteException.Kind.NOT_FOUND) {
                    sourceId = Optional.empty();
                } else {
                    // The journal stays unfinished so that the next start deletes the source.
                    LOG.warn("Flow {} could not delete its source yet: {}", id, hidden(e.getMessage()));
                    details += " source " + sourceId.get() + " left for clean-up at next start";
                }
            }
        }
        String finalDetails = details + ": " + message;
        try {
            stores.db().inTransaction(tx -> {
                if (journaled) {
                    stores.journal().advance(tx, tenantId, id, sourceId.isPresent() ? FlowState.SOURCE_CREATED : state,
                            Optional.empty(), Optional.of(message));
                }
                stores.audit().append(tx, tenantId, stores.actor(), auditAction(state), "flow/" + id, finalDetails);
                return null;
            });
        } catch (StoreException e) {
            LOG.error("Flow {} ended ({}) but the end could not be recorded: {}", id, state, e.getMessage());
        }
        return new ConnectOutcome.Ended(id, state, message);
    }

    /** The text with every secret the person typed replaced, in case Airbyte or the provider repeated one. */
    private String hidden(String text) {
        String result = text == null ? "" : text;
        for (String secret : secrets) {
            result = result.replace(secret.strip(), "[hidden]");
        }
        return result;
    }

    private static String auditAction(FlowState state) {
        return state == FlowState.CANCELLED ? "connect.cancelled" : "connect.failed";
    }

    /** Ends the flow early with the state to record and the sentence to show. */
    private static final class FlowEnd extends RuntimeException {
        private final FlowState state;

        FlowEnd(FlowState state, String message) {
            super(message, null, false, false);
            this.state = state;
        }
    }
}
