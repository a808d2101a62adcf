package dev.onramp.business;

import dev.onramp.model.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/** An absolute http or https address a person typed (an Airbyte's, a relay page's), checked as it is read. */
public record WebAddress(URI uri) {
    public WebAddress {
        Objects.requireNonNull(uri, "uri");
    }

    /**
     * Reads an address typed by a person.
     *
     * @param what names the address in the refusal, e.g. "address of the self-managed Airbyte"
     * @throws InvalidInputException when it is blank, not an absolute http(s) address, or carries a login
     */
    public static WebAddress parse(String text, String what) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException("Give the " + what + ".");
        }
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme();
            if (uri.getUserInfo() != null) {
                throw new InvalidInputException("Give the user name and password of the " + what
                        + " as its login, not inside the address.");
            }
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return new WebAddress(uri);
            }
        } catch (URISyntaxException e) {
            // answered below like any other unusable address
        }
        throw new InvalidInputException("The " + what + " must be a full http or https address, such as "
                + "http://localhost:8000; \"" + trimmed + "\" is not.");
    }

    /** True for an https address, the only kind Airbyte Cloud sends people back to. */
    public boolean secure() {
        return uri.getScheme().equals("https");
    }
}
