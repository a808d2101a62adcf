package dev.onramp.model;

import dev.onramp.text.Messages;
import dev.onramp.text.Text;
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
            throw new InvalidInputException(Text.of("model.redirect.host", String.valueOf(text)));
        }
    }

    /**
     * @throws InvalidInputException when the port or the range is out of bounds, saying which
     */
    public RedirectSettings {
        Objects.requireNonNull(host, "host");
        if (firstPort == 0) {
            if (portCount != 1) {
                throw new InvalidInputException(Text.of("model.redirect.anyPortRange"));
            }
        } else {
            if (firstPort < LOWEST_PORT || firstPort > 65535) {
                throw new InvalidInputException(Text.of("model.redirect.port", LOWEST_PORT, firstPort));
            }
            if (portCount < 1 || portCount > MAX_PORT_COUNT) {
                throw new InvalidInputException(Text.of("model.redirect.count", MAX_PORT_COUNT, portCount));
            }
            if (firstPort + portCount - 1 > 65535) {
                throw new InvalidInputException(Text.of("model.redirect.pastEnd", portCount, firstPort));
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
        int first = number(givenPort, true);
        String givenCount = portCount == null ? "" : portCount.strip();
        int count = givenCount.isEmpty() ? DEFAULT_PORT_COUNT : number(givenCount, false);
        return new RedirectSettings(parsedHost, first, count);
    }

    /** The port ({@code port} true) or the number of ports in {@code text}, or a sentence saying it is none. */
    private static int number(String text, boolean port) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(port ? Text.of("model.redirect.portNotNumber", LOWEST_PORT, text)
                    : Text.of("model.redirect.countNotNumber", text));
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

    /** The settings in a few words, in English (audit entries), e.g. "http://127.0.0.1:47151/oauth-success and the next 2 ports". */
    public String description() {
        return Messages.english().render(text());
    }

    /** The settings in a few words, e.g. "http://127.0.0.1:47151/oauth-success and the next 2 ports". */
    public Text text() {
        if (anyPort()) {
            return Text.of("model.redirect.anyPort", host.text(), PATH);
        }
        String first = uri(firstPort).toString();
        return switch (portCount) {
            case 1 -> Text.verbatim(first);
            case 2 -> Text.of("model.redirect.nextPort", first);
            default -> Text.of("model.redirect.nextPorts", first, portCount - 1);
        };
    }
}
