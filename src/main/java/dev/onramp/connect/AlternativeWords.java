package dev.onramp.connect;

import dev.onramp.text.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A tile's offer of typed credentials in place of a provider's sign-in, in plain words ("Use an API
 * password instead") rather than the connector specification's option titles ("API Password"), as a {@link Text}.
 */
public final class AlternativeWords {
    /** What a person reads for each option title the bundled specifications use, keyed by the title in lower case. */
    private static final Map<String, Words> KNOWN = Map.ofEntries(
            Map.entry("service account key authentication", signIn(Text.of("connect.alternative.thing.serviceAccountKey"))),
            Map.entry("service account key", signIn(Text.of("connect.alternative.thing.serviceAccountKey"))),
            Map.entry("api password", use(Text.of("connect.alternative.thing.apiPassword"))),
            Map.entry("private app", use(Text.of("connect.alternative.thing.privateAppToken"))),
            Map.entry("private app token", use(Text.of("connect.alternative.thing.privateAppToken"))),
            Map.entry("access token", use(Text.of("connect.alternative.thing.accessToken"))),
            Map.entry("bearer access token", use(Text.of("connect.alternative.thing.accessToken"))),
            Map.entry("sandbox access token", use(Text.of("connect.alternative.thing.sandboxAccessToken"))),
            Map.entry("api key", use(Text.of("connect.alternative.thing.apiKey"))),
            Map.entry("api token", use(Text.of("connect.alternative.thing.apiToken"))),
            Map.entry("oauth2.0 (legacy)", use(Text.of("connect.alternative.thing.olderSignIn"))),
            Map.entry("username and password", signIn(Text.of("connect.alternative.thing.usernameAndPassword"))));

    private AlternativeWords() {}

    /**
     * The link's words for the options {@code titles} (as {@link CredentialsService#alternativesToOAuth}
     * gives them); empty when there are none. Several are joined with "or" after the first's verb.
     */
    public static Optional<Text> link(List<String> titles) {
        if (titles.isEmpty()) {
            return Optional.empty();
        }
        List<Words> words = titles.stream().map(AlternativeWords::of).toList();
        List<Object> things = new ArrayList<>();
        for (Words each : words) {
            if (!things.contains(each.thing())) {
                things.add(each.thing());
            }
        }
        Object joined = things.getFirst();
        for (Object next : things.subList(1, things.size())) {
            joined = Text.of("connect.alternative.or", joined, next);
        }
        return Optional.of(words.getFirst().signIn() ? Text.of("connect.alternative.signInWith", joined)
                : Text.of("connect.alternative.use", joined));
    }

    /**
     * The words for one option title: the known ones', else the title (the specification's words, as they are)
     * in lower case without "Authentication".
     */
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
        return use(thing.isEmpty() ? Text.of("connect.alternative.thing.otherCredentials") : thing);
    }

    private static Words use(Object thing) {
        return new Words(false, thing);
    }

    private static Words signIn(Object thing) {
        return new Words(true, thing);
    }

    /** Whether the link says "Sign in with" (else "Use"), and what it offers: a {@link Text}, or the title's words. */
    record Words(boolean signIn, Object thing) {}
}
