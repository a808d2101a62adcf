package dev.onramp.oauth;

import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * Where a Cloud sign-in returns to: the operator's https relay page ({@code resources/relay/index.html})
 * with the loopback receiver's port and the flow's 256-bit nonce in its query. Airbyte appends
 * {@code secret_id}; the page forwards it with the nonce to {@code http://127.0.0.1:<port>/oauth-success},
 * where the receiver accepts only that nonce, once.
 */
public record RelayRedirect(URI url, String nonce) {
    private static final int NONCE_BYTES = 32;

    public RelayRedirect {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(nonce, "nonce");
    }

    /**
     * Makes a fresh nonce and the relay address carrying it and the receiver's port; a query the
     * relay address already has is kept, a fragment is dropped (Airbyte would not keep it either).
     *
     * @throws IllegalArgumentException when the relay is not an absolute https address
     */
    public static RelayRedirect create(URI relay, LoopbackReceiver receiver, SecureRandom random) {
        return create(relay, receiver.redirectUri().getPort(), random);
    }

    static RelayRedirect create(URI relay, int port, SecureRandom random) {
        if (!"https".equalsIgnoreCase(relay.getScheme()) || relay.getHost() == null) {
            throw new IllegalArgumentException("The sign-in relay must be an https address, not " + relay);
        }
        byte[] raw = new byte[NONCE_BYTES];
        random.nextBytes(raw);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        String base = relay.toASCIIString();
        int fragment = base.indexOf('#');
        if (fragment >= 0) {
            base = base.substring(0, fragment);
        }
        String separator = relay.getRawQuery() == null ? "?" : base.endsWith("?") || base.endsWith("&") ? "" : "&";
        return new RelayRedirect(URI.create(base + separator + "port=" + port + "&nonce=" + nonce), nonce);
    }

    @Override
    public String toString() {
        return "RelayRedirect[url=(with nonce), nonce=[hidden]]";
    }
}
