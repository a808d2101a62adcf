package dev.onramp.oauth;

import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/** Every port of the redirect's range is held, so no sign-in can use a registered redirect URI now. */
public final class RedirectPortsBusyException extends RuntimeException {
    private final List<Integer> ports;

    private RedirectPortsBusyException(String message, List<Integer> ports) {
        super(message);
        this.ports = List.copyOf(ports);
    }

    /** The ports that were tried and found taken. */
    public List<Integer> ports() {
        return ports;
    }

    /**
     * The refusal for a range whose ports {@code busy} are all taken, naming the program that holds each port where
     * {@code holderOf} can tell, and the two ways on.
     */
    static RedirectPortsBusyException of(List<Integer> busy,
            IntFunction<Optional<String>> holderOf) {
        String held = busy.stream().map(port -> holderOf.apply(port).map(holder -> port + " (" + holder + ")")
                .orElse(String.valueOf(port))).collect(Collectors.joining(", "));
        String message = "Onramp cannot wait for the sign-in: "
                + (busy.size() == 1 ? "its redirect port " + held + " is in use."
                        : "all its redirect ports are in use: " + held + ".")
                + " Close the program that holds " + (busy.size() == 1 ? "it" : "one") + " and connect again,"
                + " or choose \"Any free port\" for the sign-in redirect in Settings (onramp settings redirect"
                + " --port any); only OAuth apps of the Desktop type accept that.";
        return new RedirectPortsBusyException(message, busy);
    }
}
