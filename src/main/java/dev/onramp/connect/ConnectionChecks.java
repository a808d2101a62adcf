package dev.onramp.connect;

import dev.onramp.airbyte.AirbyteException;
import dev.onramp.airbyte.AirbyteGateway;
import dev.onramp.airbyte.CheckResult;
import dev.onramp.model.AirbyteLocation;
import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionId;
import dev.onramp.model.ConnectionStatus;
import dev.onramp.model.InvalidInputException;
import dev.onramp.model.TenantId;
import dev.onramp.text.Messages;
import dev.onramp.text.Text;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Tests a business's stored connections again in the Airbyte that holds their sources, at most
 * four at a time, and records what each check found; a change of status is audited.
 */
final class ConnectionChecks {
    /** How many checks run at once: Airbyte runs each as a job. */
    static final int AT_ONCE = 4;
    /**
     * What Airbyte's check says when the provider refused the sign-in itself (an expired or revoked
     * token, a 401 or 403 from the provider): reconnecting fixes those, nothing else does.
     */
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "expired|revoked|invalid_grant|unauthori[sz]ed|\\b401\\b|\\b403\\b|forbidden|invalid (access )?token"
                    + "|reauthori[sz]e");

    private final FlowStores stores;

    ConnectionChecks(FlowStores stores) {
        this.stores = stores;
    }

    /** Checks every connection of the business that is not disconnected; {@code each} hears of each as it ends. */
    List<ConnectionHealth> check(TenantId tenant, AirbyteGateway airbyte, Consumer<ConnectionHealth> each) {
        List<Connection> connections = stores.connections().list(tenant).stream()
                .filter(connection -> connection.status() != ConnectionStatus.DISCONNECTED).toList();
        AirbyteLocation now = locationNow(tenant, airbyte);
        Semaphore slots = new Semaphore(AT_ONCE);
        List<Future<ConnectionHealth>> running = new ArrayList<>();
        try (ExecutorService checks = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Connection connection : connections) {
                running.add(checks.submit(() -> {
                    slots.acquire();
                    try {
                        ConnectionHealth health = checkOne(tenant, airbyte, now, connection);
                        each.accept(health);
                        return health;
                    } finally {
                        slots.release();
                    }
                }));
            }
            List<ConnectionHealth> results = new ArrayList<>();
            for (Future<ConnectionHealth> result : running) {
                results.add(result.get());
            }
            return List.copyOf(results);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The connection checks were interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("A connection check failed", e.getCause());
        }
    }

    /** Checks one connection of the business that is not disconnected. */
    ConnectionHealth checkOne(TenantId tenant, AirbyteGateway airbyte, ConnectionId id) {
        Connection connection = stores.connections().find(tenant, id)
                .filter(found -> found.status() != ConnectionStatus.DISCONNECTED)
                .orElseThrow(() -> new InvalidInputException(Text.of("connect.connectionRemoved")));
        return checkOne(tenant, airbyte, locationNow(tenant, airbyte), connection);
    }

    private AirbyteLocation locationNow(TenantId tenant, AirbyteGateway airbyte) {
        return stores.locationNow(stores.tenants().find(tenant).orElseThrow(() ->
                new InvalidInputException(Text.of("connect.noBusiness"))), airbyte);
    }

    private ConnectionHealth checkOne(TenantId tenant, AirbyteGateway airbyte, AirbyteLocation location,
            Connection connection) {
        Instant now = stores.clock().instant();
        if (connection.airbyte().filter(made -> made.differsFrom(location)).isPresent()) {
            // Not asked: that Airbyte may not even be reachable from here, and this one cannot know the source.
            Optional<Text> error = Optional.of(elsewhere(connection.airbyte().get(), location));
            record(tenant, connection, ConnectionStatus.OTHER_AIRBYTE, Optional.of(now), error, Optional.empty());
            return ConnectionHealth.of(connection, ConnectionStatus.OTHER_AIRBYTE, connection.status(), now, error, true);
        }
        ConnectionStatus status;
        Optional<Text> error;
        try {
            CheckResult result = airbyte.checkConnection(connection.sourceId());
            status = result.succeeded() ? ConnectionStatus.ACTIVE
                    : AUTHORIZATION.matcher(result.message().toLowerCase(Locale.ROOT)).find()
                            ? ConnectionStatus.NEEDS_REAUTH : ConnectionStatus.FAILED;
            error = result.succeeded() ? Optional.empty() : Optional.of(Text.verbatim(result.message()));
        } catch (AirbyteException e) {
            if (e.kind() != AirbyteException.Kind.NOT_FOUND) {
                // The check could not run (Airbyte unreachable, refusing Onramp …): nothing is learnt
                // about the connection, so its status stays; the reason is kept beside it.
                record(tenant, connection, connection.status(), Optional.empty(), Optional.of(e.text()),
                        Optional.empty());
                return ConnectionHealth.of(connection, connection.status(), connection.status(), now,
                        Optional.of(e.text()), false);
            }
            status = ConnectionStatus.MISSING;
            error = Optional.of(Text.of("connect.check.missing", connection.sourceId()));
        }
        // A connection made before Onramp recorded its Airbyte is known to live here once found here.
        Optional<AirbyteLocation> confirmed = connection.airbyte().isEmpty() && status != ConnectionStatus.MISSING
                ? Optional.of(location) : Optional.empty();
        record(tenant, connection, status, Optional.of(now), error, confirmed);
        return ConnectionHealth.of(connection, status, connection.status(), now, error, true);
    }

    /** What a person is told of a connection whose source lives in another Airbyte than the business uses now. */
    static Text elsewhere(AirbyteLocation madeIn, AirbyteLocation now) {
        return Text.of("connect.check.elsewhere", madeIn.text(), now.text());
    }

    /** Keeps the check's outcome with the connection; its reason is kept in English, like every record. */
    private void record(TenantId tenant, Connection connection, ConnectionStatus status, Optional<Instant> checked,
            Optional<Text> reason, Optional<AirbyteLocation> confirmed) {
        Optional<String> error = reason.map(Messages.english()::render);
        stores.db().inTransaction(tx -> {
            // A connection disconnected while it was checked stays disconnected, and nothing is audited.
            boolean recorded = stores.connections().checked(tx, tenant, connection.id(), status, checked, error,
                    confirmed);
            if (recorded && status != connection.status()) {
                stores.audit().append(tx, tenant, stores.actor(), "connection.status-changed",
                        "connection/" + connection.id(), "provider=" + connection.providerId() + " from="
                                + connection.status() + " to=" + status);
            }
            return null;
        });
    }
}
