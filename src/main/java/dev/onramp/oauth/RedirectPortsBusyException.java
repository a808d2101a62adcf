package dev.onramp.oauth;

import dev.onramp.text.Messages;
import dev.onramp.text.Said;
import dev.onramp.text.Text;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Every port of the redirect's range is held, so no sign-in can use a registered redirect URI now: {@link #text()}
 * says so and the ways on, its English rendering is the message.
 */
public final class RedirectPortsBusyException extends RuntimeException implements Said {
    private final transient Text text;
    private final List<Integer> ports;

    private RedirectPortsBusyException(Text text, List<Integer> ports) {
        super(Messages.english().render(text));
        this.text = text;
        this.ports = List.copyOf(ports);
    }

    @Override
    public Text text() {
        return text;
    }

    /** The ports that were tried and found taken. */
    public List<Integer> ports() {
        return ports;
    }

    /**
     * The refusal for a range whose ports {@code busy} are all taken, naming the program that holds each port where
     * {@code holderOf} can tell (the port and its holder), and the two ways on.
     */
    static RedirectPortsBusyException of(List<Integer> busy, IntFunction<Optional<Text>> holderOf) {
        List<Object> held = busy.stream()
                .map(port -> holderOf.apply(port).<Object>map(holder -> holder).orElse(String.valueOf(port)))
                .toList();
        Text ports = Text.joined(", ", held);
        return new RedirectPortsBusyException(busy.size() == 1 ? Text.of("oauth.redirect.portBusy", ports)
                : Text.of("oauth.redirect.portsBusy", ports), busy);
    }
}
