package dev.onramp.connect;

import dev.onramp.model.OAuthFacts;
import dev.onramp.model.Provider;
import dev.onramp.model.RedirectSettings;
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
    static String describe(Provider provider, RedirectSettings redirect, URI airbyteApi) {
        OAuthFacts oauth = provider.oauth().orElse(new OAuthFacts(List.of(), "", Map.of(), Map.of()));
        String where = oauth.appConsole().isEmpty() ? provider.name() + "'s developer console" : oauth.appConsole();
        String params = names(oauth.appParams());
        String body = oauth.appParams().stream().map(param -> "\"" + param + "\": \"…\"")
                .collect(Collectors.joining(", "));
        return "To set one up: 1. at " + where + ", register an app " + redirects(redirect) + "; 2. enter its "
                + params + " in Airbyte: POST " + stripSlash(airbyteApi) + "/v1/source_oauths/oauth_params/create with"
                + " {\"sourceDefinitionId\": \"" + provider.definitionId() + "\", \"params\": {" + body + "}}"
                + " (docs/oauth-setup.md has each provider's details).";
    }

    private static String redirects(RedirectSettings redirect) {
        if (redirect.anyPort()) {
            return "of the Desktop type, which accepts any port of http://" + redirect.host().text() + RedirectSettings.PATH;
        }
        List<String> uris = redirect.registrableUris().stream().map(URI::toString).toList();
        return uris.size() == 1 ? "whose redirect URI is " + uris.getFirst() : "whose redirect URIs are " + names(uris);
    }

    private static String names(List<String> items) {
        return items.size() == 1 ? items.getFirst()
                : String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
    }

    private static String stripSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
