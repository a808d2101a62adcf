package dev.onramp.connect;

import dev.onramp.model.Connection;
import dev.onramp.model.TenantId;
import java.util.List;

/**
 * Runs the connect flow (consent, callback, complete OAuth, create, test, discover, store) as a
 * journaled state machine, the same for the GUI and the command line.
 */
public final class ConnectService {
    /** Starts connecting {@code providerId} for {@code tenant}; the work runs on the service's executor. */
    public ConnectFlow connect(TenantId tenant, String providerId, ConnectListener listener) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** The tenant's stored connections, newest first. */
    public List<Connection> connections(TenantId tenant) {
        throw new UnsupportedOperationException("not built yet");
    }
}
