package dev.onramp.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.airbyte.AirbyteGateway;
import dev.onramp.model.AirbyteSettings;
import dev.onramp.airbyte.CallPolicy;
import dev.onramp.airbyte.PublicApiGateway;
import dev.onramp.airbyte.RetryPolicy;
import dev.onramp.catalog.Catalog;
import dev.onramp.demo.AirbyteSimulator;
import dev.onramp.model.AuditEvent;
import dev.onramp.model.FlowState;
import dev.onramp.model.Provider;
import dev.onramp.model.Tenant;
import dev.onramp.oauth.BrowserLauncher;
import dev.onramp.testing.BundledSpecs;
import dev.onramp.testing.MutableClock;
import dev.onramp.testing.RecordingSleeper;
import dev.onramp.testing.StoreFixture;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Real parts for connect flows against the simulator: an H2 file store, the simulator over HTTP and
 * gateways whose retries wait on a test clock instead of really sleeping.
 */
final class CloudFixture implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(30);

    final Catalog catalog = Catalog.bundled();
    final AirbyteSimulator simulator = AirbyteSimulator.builder().start();
    final MutableClock gatewayClock = new MutableClock(Instant.now());
    final RecordingSleeper sleeper = new RecordingSleeper(gatewayClock);
    final StoreFixture store;
    final Tenant tenant;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    CloudFixture(Path dataDir) {
        store = StoreFixture.open(dataDir);
        tenant = store.addTenant("Acme Outdoor", "online-store");
    }

    /** The gateway to the simulated Cloud with the given relay and request timeout. */
    PublicApiGateway gateway(Optional<URI> relay, Duration requestTimeout) {
        AirbyteSettings.Cloud target = new AirbyteSettings.Cloud(simulator.publicApiBaseUrl(), simulator.cloudClientId(),
                simulator.cloudClientSecret(), simulator.workspaceId(), relay.orElse(URI.create("")));
        return new PublicApiGateway(target, policy(requestTimeout), id -> catalog.providers().stream()
                .filter(p -> p.definitionId().equals(id)).map(Provider::name).findFirst(), BundledSpecs.shipped());
    }

    /** Standard retries that wait on the test clock. */
    CallPolicy policy(Duration requestTimeout) {
        return new CallPolicy(requestTimeout, RetryPolicy.STANDARD, gatewayClock, sleeper, new SplittableRandom(11));
    }

    ConnectService service(AirbyteGateway gateway, BrowserLauncher browser, Duration consentTimeout) {
        return new ConnectService(catalog, gateway, store.db(), store.tenants(), store.connections(), store.journal(),
                store.audit(), browser, executor, Clock.systemUTC(), consentTimeout, "test");
    }

    static ConnectOutcome outcomeOf(ConnectFlow flow) throws Exception {
        return flow.outcome().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    List<AuditEvent> auditFor(ConnectOutcome outcome) {
        return store.audit().list(tenant.id()).stream().filter(e -> e.resource().equals("flow/" + outcome.flowId())
                || e.action().equals("connect.succeeded")).toList();
    }

    /** The flow ended as {@code state} and left nothing: no source in Airbyte, no connection, one audit entry. */
    void assertEndedLeavingNothing(ConnectOutcome outcome, FlowState state) {
        assertThat(outcome).isInstanceOf(ConnectOutcome.Ended.class);
        assertThat(((ConnectOutcome.Ended) outcome).state()).isEqualTo(state);
        assertThat(simulator.sourceIds()).as("sources left in Airbyte").isEmpty();
        assertThat(store.connections().list(tenant.id())).as("connections stored").isEmpty();
        assertThat(store.journal().find(tenant.id(), outcome.flowId()).orElseThrow().state()).isEqualTo(state);
        assertThat(store.journal().unfinished()).isEmpty();
        assertThat(auditFor(outcome)).hasSize(1);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            store.close();
            simulator.close();
        }
    }
}
