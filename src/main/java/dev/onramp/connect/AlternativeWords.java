package dev.onramp.connect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A tile's offer of typed credentials in place of a provider's sign-in, in plain words ("Use an API
 * password instead") rather than the connector specification's option titles ("API Password").
 */
public final class AlternativeWords {
    /** What a person reads for each option title the bundled specifications use, keyed by the title in lower case. */
    private static final Map<String, Words> KNOWN = Map.ofEntries(
            Map.entry("service account key authentication", new Words("Sign in with", "a service-account key")),
            Map.entry("service account key", new Words("Sign in with", "a service-account key")),
            Map.entry("api password", new Words("Use", "an API password")),
            Map.entry("private app", new Words("Use", "a private-app token")),
            Map.entry("private app token", new Words("Use", "a private-app token")),
            Map.entry("access token", new Words("Use", "an access token")),
            Map.entry("bearer access token", new Words("Use", "an access token")),
            Map.entry("sandbox access token", new Words("Use", "a sandbox access token")),
            Map.entry("api key", new Words("Use", "an API key")),
            Map.entry("api token", new Words("Use", "an API token")),
            Map.entry("oauth2.0 (legacy)", new Words("Use", "the older sign-in")),
            Map.entry("username and password", new Words("Sign in with", "a username and password")));

    private AlternativeWords() {}

    /**
     * The link's words for the options {@code titles} (as {@link CredentialsService#alternativesToOAuth}
     * gives them); empty when there are none. Several are joined with "or" after the first's verb.
     */
    public static String link(List<String> titles) {
        if (titles.isEmpty()) {
            return "";
        }
        List<Words> words = titles.stream().map(AlternativeWords::of).toList();
        List<String> things = new ArrayList<>();
        for (Words each : words) {
            if (!things.contains(each.thing())) {
                things.add(each.thing());
            }
        }
        return words.getFirst().verb() + " " + String.join(" or ", things) + " instead";
    }

    /** The words for one option title: the known ones', else the title in lower case without "Authentication". */
    static Words of(String title) {
        String key = title.strip().toLowerCase(Locale.ROOT);
        Words known = KNOWN.get(key);
        if (known != null) {
            return known;
        }
        List<String> kept = new ArrayList<>();
        for (String word : title.strip().split("\\s+")) {
            String lower = word.toLowerCase(Locale.ROOT);
            if (lower.equals("authentication") || lower.equals("auth")) {
                continue;
            }
            // An acronym stays as it is written (API, JWT, OAuth); every other word is lower case.
            boolean acronym = word.length() > 1 && word.chars().filter(Character::isUpperCase).count() > 1;
            kept.add(acronym ? word : lower);
        }
        String thing = String.join(" ", kept).strip();
        return new Words("Use", thing.isEmpty() ? "other credentials" : thing);
    }

    /** A verb and what it takes: "Use" and "an API password". */
    record Words(String verb, String thing) {}
}
