package dev.onramp.connect;

import dev.onramp.model.OAuthFacts;
import dev.onramp.model.Provider;
import dev.onramp.model.RedirectSettings;
import dev.onramp.text.Text;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The steps an Airbyte operator takes to give a connector an OAuth app: where at the provider, which URIs, what in Airbyte. */
final class OAuthAppSteps {
    private OAuthAppSteps() {}

    /**
     * E.g. "To set one up: 1. at a HubSpot developer account (…) → Apps → …, register an app whose
     * redirect URIs are …; 2. enter its client_id and client_secret in Airbyte: POST …/v1/source_oauths/oauth_params/create …".
     */
    static Text describe(Provider provider, RedirectSettings redirect, URI airbyteApi) {
        OAuthFacts oauth = provider.oauth().orElse(new OAuthFacts(List.of(), "", Map.of(), Map.of()));
        Object where = oauth.appConsole().isEmpty() ? Text.of("connect.readiness.developerConsole", provider.name())
                : oauth.appConsole();
        String body = oauth.appParams().stream().map(param -> "\"" + param + "\": \"…\"")
                .collect(Collectors.joining(", "));
        String request = "{\"sourceDefinitionId\": \"" + provider.definitionId() + "\", \"params\": {" + body + "}}";
        return Text.of("connect.readiness.appSteps", where, redirects(redirect), names(oauth.appParams()),
                stripSlash(airbyteApi), request);
    }

    private static Text redirects(RedirectSettings redirect) {
        if (redirect.anyPort()) {
            return Text.of("connect.readiness.redirect.anyPort",
                    "http://" + redirect.host().text() + RedirectSettings.PATH);
        }
        List<String> uris = redirect.registrableUris().stream().map(URI::toString).toList();
        return uris.size() == 1 ? Text.of("connect.readiness.redirect.one", uris.getFirst())
                : Text.of("connect.readiness.redirect.many", names(uris));
    }

    /** "a", or "a, b and c" in the person's language. */
    private static Object names(List<String> items) {
        return items.size() == 1 ? items.getFirst()
                : Text.of("connect.readiness.and", String.join(", ", items.subList(0, items.size() - 1)), items.getLast());
    }

    private static String stripSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
