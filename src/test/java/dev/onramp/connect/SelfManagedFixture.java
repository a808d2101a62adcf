package dev.onramp.connect;

import dev.onramp.airbyte.AirbyteGateway;
import dev.onramp.catalog.Catalog;
import dev.onramp.model.RedirectSettings;
import dev.onramp.model.TenantId;
import dev.onramp.oauth.BrowserLauncher;
import dev.onramp.testing.SimulatedAirbyte;
import dev.onramp.testing.StoreFixture;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Real parts for self-managed connect flows: an H2 file store, the simulator behind a recording
 * proxy, and the executor the flows run on, closed in reverse order.
 */
final class SelfManagedFixture implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(20);

    final Clock clock = Clock.systemUTC();
    final Catalog catalog = Catalog.bundled();
    final SimulatedAirbyte airbyte = SimulatedAirbyte.start();
    final StoreFixture store;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    SelfManagedFixture(Path dataDir) {
        store = StoreFixture.open(dataDir, clock);
    }

    /** A service that reaches Airbyte through the proxy and waits {@link #WAIT} for consent. */
    ConnectService service(BrowserLauncher browser) {
        return service(browser, WAIT);
    }

    /** A service that reaches Airbyte through the proxy. */
    ConnectService service(BrowserLauncher browser, Duration consentTimeout) {
        return service(airbyte.gateway(), browser, consentTimeout);
    }

    ConnectService service(AirbyteGateway gateway, BrowserLauncher browser, Duration consentTimeout) {
        return service(tenant -> gateway, browser, consentTimeout);
    }

    ConnectService service(Function<TenantId, AirbyteGateway> airbyteOf, BrowserLauncher browser,
            Duration consentTimeout) {
        return service(airbyteOf, tenant -> RedirectSettings.anyPort(RedirectSettings.Host.IPV4), browser,
                consentTimeout);
    }

    /** A service whose sign-ins come back on the redirect {@code redirectOf} names. */
    ConnectService service(Function<TenantId, AirbyteGateway> airbyteOf, Function<TenantId, RedirectSettings> redirectOf,
            BrowserLauncher browser, Duration consentTimeout) {
        return new ConnectService(catalog, airbyteOf, redirectOf, store.db(), store.tenants(), store.connections(),
                store.journal(), store.audit(), browser, executor, clock, consentTimeout, "test");
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
            airbyte.close();
        }
    }
}
