package dev.onramp.demo;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * A self-managed Airbyte stand-in on 127.0.0.1: the Config API endpoints Onramp uses, with the
 * same shapes and rules, and a local consent page per provider.
 */
public final class AirbyteSimulator implements AutoCloseable {
    /** Starts on an OS-chosen port; {@code latency} is added to every API call. */
    public static AirbyteSimulator start(Duration latency) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** The API base, {@code http://127.0.0.1:<port>/api}; gateways append {@code /v1/...}. */
    public URI apiBaseUrl() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** The id of the one workspace the simulator has. */
    public String workspaceId() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Every token and code it has issued so far (for tests proving none is stored in clear). */
    public Set<String> issuedSecrets() {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public void close() {}
}
