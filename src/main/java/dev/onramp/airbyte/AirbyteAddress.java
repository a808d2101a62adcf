package dev.onramp.airbyte;

import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;

/**
 * Decides whether Onramp may talk to an Airbyte at an address: https anywhere, plain http only to
 * this computer, where nobody on the network can read the tokens on their way.
 */
public final class AirbyteAddress {
    private AirbyteAddress() {}

    /**
     * Returns {@code url} when it is https, or http to a loopback host ({@code localhost},
     * {@code 127.0.0.0/8}, {@code [::1]}); otherwise refuses it with a sentence saying what to do.
     * Host names other than {@code localhost} are not looked up: a name that resolves to 127.0.0.1
     * today may not tomorrow.
     */
    public static URI requireSafe(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || url.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new IllegalArgumentException("\"" + url + "\" is not an Airbyte address Onramp can use: give one like"
                    + " https://airbyte.example.com or, on this computer, http://localhost:8000.");
        }
        if (scheme.equals("http") && !isLoopback(url.getHost())) {
            throw new IllegalArgumentException("Onramp refuses the Airbyte address " + url + ": plain http is allowed"
                    + " only on this computer (localhost, 127.x.x.x, [::1]), because anyone on the network could"
                    + " read the tokens. Use https://" + url.getRawAuthority() + " instead.");
        }
        return url;
    }

    /** True for {@code localhost} and for IP literals of the loopback ranges; no DNS lookup. */
    static boolean isLoopback(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.equals("localhost") || name.equals("localhost.")) {
            return true;
        }
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        try {
            return InetAddress.ofLiteral(name).isLoopbackAddress();
        } catch (IllegalArgumentException notAnAddressLiteral) {
            return false;
        }
    }
}
