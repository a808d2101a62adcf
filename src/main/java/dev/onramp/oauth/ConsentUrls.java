package dev.onramp.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;

/** Reads what Onramp needs to know out of a consent URL that Airbyte hands back. */
public final class ConsentUrls {
    private ConsentUrls() {}

    /**
     * The {@code state} that the provider will send back with the redirect: Airbyte puts it in the
     * provider's authorization URL, and it is what binds the callback to this flow. Empty when the
     * URL carries no single, well-formed {@code state}.
     */
    public static Optional<String> state(URI consentUrl) {
        return QueryParams.parse(consentUrl.getRawQuery())
                .map(params -> params.get("state"))
                .filter(state -> !state.isEmpty());
    }

    /**
     * Every query parameter of a consent URL (client id, redirect URI, scope, state, …); empty when
     * its query cannot be read as one value per name.
     */
    public static Map<String, String> parameters(URI consentUrl) {
        return QueryParams.parse(consentUrl.getRawQuery()).orElse(Map.of());
    }

    /** Same as {@link #state(URI)} for a URL still in text form; empty when it is not a URL. */
    public static Optional<String> state(String consentUrl) {
        try {
            return state(new URI(consentUrl));
        } catch (URISyntaxException notAUrl) {
            return Optional.empty();
        }
    }
}
