package dev.onramp.business;

import dev.onramp.model.InvalidInputException;
import dev.onramp.text.Messages;
import dev.onramp.text.Text;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.stream.Stream;

/** An absolute http or https address a person typed (an Airbyte's, a relay page's), checked as it is read. */
public record WebAddress(URI uri) {
    /** "address of the self-managed Airbyte", as refusals name it. */
    public static final Text SELF_MANAGED_AIRBYTE = Text.of("business.address.selfManaged");
    /** "relay page's address", as refusals name it. */
    public static final Text RELAY_PAGE = Text.of("business.address.relay");
    /** "Airbyte address after --airbyte-url", as refusals name it. */
    public static final Text AIRBYTE_URL_OPTION = Text.of("business.address.airbyteUrl");

    public WebAddress {
        Objects.requireNonNull(uri, "uri");
    }

    /**
     * Reads an address typed by a person; {@code what} names it in English, and the addresses Onramp
     * knows ({@link #SELF_MANAGED_AIRBYTE}, {@link #RELAY_PAGE}) are named in the person's language.
     *
     * @throws InvalidInputException when it is blank, not an absolute http(s) address, or carries a login
     */
    public static WebAddress parse(String text, String what) {
        Text named = Stream.of(SELF_MANAGED_AIRBYTE, RELAY_PAGE, AIRBYTE_URL_OPTION)
                .filter(known -> Messages.english().render(known).equals(what))
                .findFirst().orElse(Text.verbatim(what));
        return parse(text, named);
    }

    /**
     * Reads an address typed by a person.
     *
     * @param what names the address in the refusal, e.g. {@link #SELF_MANAGED_AIRBYTE}
     * @throws InvalidInputException when it is blank, not an absolute http(s) address, or carries a login
     */
    public static WebAddress parse(String text, Text what) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException(Text.of("business.address.blank", what));
        }
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme();
            if (uri.getUserInfo() != null) {
                throw new InvalidInputException(Text.of("business.address.login", what));
            }
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return new WebAddress(uri);
            }
        } catch (URISyntaxException e) {
            // answered below like any other unusable address
        }
        throw new InvalidInputException(Text.of("business.address.notHttp", what, trimmed));
    }

    /** True for an https address, the only kind Airbyte Cloud sends people back to. */
    public boolean secure() {
        return uri.getScheme().equals("https");
    }
}
