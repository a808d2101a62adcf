package dev.onramp;

import dev.onramp.catalog.Catalog;
import dev.onramp.connect.ConnectService;
import dev.onramp.connect.TenantService;
import dev.onramp.demo.AirbyteSimulator;
import java.util.Optional;
import java.util.concurrent.Executor;

/** The composition root: builds every service once and closes them in reverse order. */
public final class AppContext implements AutoCloseable {
    /** Opens the store, starts the simulator when no Airbyte is configured, and wires the services. */
    public static AppContext start(AppOptions options) {
        throw new UnsupportedOperationException("not built yet");
    }

    public Catalog catalog() {
        throw new UnsupportedOperationException("not built yet");
    }

    public TenantService tenants() {
        throw new UnsupportedOperationException("not built yet");
    }

    public ConnectService connect() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** The executor for blocking work (HTTP, JDBC); never the FX thread. */
    public Executor background() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** True when the embedded simulator stands in for Airbyte. */
    public boolean demo() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** A short description of the Airbyte in use, e.g. "Demo: built-in Airbyte simulator". */
    public String airbyteDescription() {
        throw new UnsupportedOperationException("not built yet");
    }

    public Optional<AirbyteSimulator> simulator() {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public void close() {}
}
