package dev.onramp.model;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Where a provider sends the browser back after a sign-in: a loopback host, a fixed range of ports
 * an operator registers at the provider (or any free port), and the fixed path.
 *
 * <p>{@code firstPort} 0 means any free port, which only OAuth apps that accept every loopback port
 * (Google's "Desktop" clients) can use; its {@code portCount} is always 1.
 */
public record RedirectSettings(Host host, int firstPort, int portCount) {
    /** The one path a redirect may use. */
    public static final String PATH = "/oauth-success";
    /** The first port of the default range: a fixed port, so the redirect URI can be registered. */
    public static final int DEFAULT_PORT = 47151;
    /** How many ports the default range has: one per Onramp process on the same computer. */
    public static final int DEFAULT_PORT_COUNT = 3;
    /** The most ports a range may have; every one of them is registered at each provider. */
    public static final int MAX_PORT_COUNT = 10;
    /** The lowest port a range may start at; lower ones need administrator rights. */
    public static final int LOWEST_PORT = 1024;
    /** What a business uses until someone chooses otherwise. */
    public static final RedirectSettings DEFAULT = new RedirectSettings(Host.IPV4, DEFAULT_PORT, DEFAULT_PORT_COUNT);

    /** The loopback name in the redirect URI; providers compare it literally. */
    public enum Host {
        /** {@code 127.0.0.1}: what RFC 8252 recommends; Onramp's default. */
        IPV4("127.0.0.1"),
        /** {@code localhost}: for providers that accept plain http only for that name (HubSpot). */
        LOCALHOST("localhost");

        private final String text;

        Host(String text) {
            this.text = text;
        }

        /** The host as it appears in the URI. */
        public String text() {
            return text;
        }

        /**
         * The host named by {@code text}.
         *
         * @throws InvalidInputException when it is neither loopback name
         */
        public static Host parse(String text) {
            String given = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            for (Host host : values()) {
                if (host.text.equals(given)) {
                    return host;
                }
            }
            throw new InvalidInputException("The redirect's host must be 127.0.0.1 or localhost, not \"" + text
                    + "\": the browser must come back to this computer.");
        }
    }

    /**
     * @throws InvalidInputException when the port or the range is out of bounds, saying which
     */
    public RedirectSettings {
        Objects.requireNonNull(host, "host");
        if (firstPort == 0) {
            if (portCount != 1) {
                throw new InvalidInputException("\"Any free port\" is one port; it has no range.");
            }
        } else {
            if (firstPort < LOWEST_PORT || firstPort > 65535) {
                throw new InvalidInputException("The redirect port must be from " + LOWEST_PORT + " to 65535, not "
                        + firstPort + " (lower ports need administrator rights).");
            }
            if (portCount < 1 || portCount > MAX_PORT_COUNT) {
                throw new InvalidInputException("The redirect's range must have 1 to " + MAX_PORT_COUNT
                        + " ports, not " + portCount + ": each is registered at every provider.");
            }
            if (firstPort + portCount - 1 > 65535) {
                throw new InvalidInputException("A range of " + portCount + " ports from " + firstPort
                        + " goes past port 65535; start lower.");
            }
        }
    }

    /** Any free port on {@code host}: for OAuth apps that accept every loopback port. */
    public static RedirectSettings anyPort(Host host) {
        return new RedirectSettings(host, 0, 1);
    }

    /**
     * Settings from what a person typed: a host, a port ("any" for any free port) and how many
     * ports the range has (blank for the default).
     *
     * @throws InvalidInputException saying which value is wrong
     */
    public static RedirectSettings parse(String host, String port, String portCount) {
        Host parsedHost = Host.parse(host);
        String givenPort = port == null ? "" : port.strip();
        if (givenPort.equalsIgnoreCase("any")) {
            return anyPort(parsedHost);
        }
        int first = number(givenPort, "The redirect port");
        String givenCount = portCount == null ? "" : portCount.strip();
        int count = givenCount.isEmpty() ? DEFAULT_PORT_COUNT : number(givenCount, "The number of redirect ports");
        return new RedirectSettings(parsedHost, first, count);
    }

    private static int number(String text, String what) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(what + " must be a whole number" + (what.endsWith("port")
                    ? " from " + LOWEST_PORT + " to 65535, or \"any\"" : "") + ", not \"" + text + "\".");
        }
    }

    /** True when a free port is picked for each sign-in, so the URI cannot be registered. */
    public boolean anyPort() {
        return firstPort == 0;
    }

    /** The ports of the range, in the order they are tried; empty for any free port. */
    public List<Integer> ports() {
        return anyPort() ? List.of() : IntStream.range(firstPort, firstPort + portCount).boxed().toList();
    }

    /** The redirect URI on {@code port}. */
    public URI uri(int port) {
        return URI.create("http://" + host.text() + ":" + port + PATH);
    }

    /** The URIs an operator registers at each provider, one per port of the range; empty for any free port. */
    public List<URI> registrableUris() {
        return ports().stream().map(this::uri).toList();
    }

    /** The settings in a few words, e.g. "http://127.0.0.1:47151/oauth-success and the next 2 ports". */
    public String description() {
        if (anyPort()) {
            return "http://" + host.text() + ":<any free port>" + PATH;
        }
        String first = uri(firstPort).toString();
        return switch (portCount) {
            case 1 -> first;
            case 2 -> first + " and the next port";
            default -> first + " and the next " + (portCount - 1) + " ports";
        };
    }
}
