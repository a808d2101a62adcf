package dev.onramp;

import dev.onramp.model.AirbyteSettings.SelfManaged;
import dev.onramp.oauth.BrowserLauncher;
import dev.onramp.store.DataDirectory;
import dev.onramp.text.Locales;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the command lines that only open the window ({@code --data-dir}, {@code --airbyte-url} and
 * {@code --locale} at most once each, given as a path, an address or a language Onramp ships, or nothing) without the command-line parser,
 * whose start-up the window would otherwise wait for (docs/adr/0015). Anything else, including
 * every mistake, is left to the parser.
 */
final class WindowCommandLine {
    /** The window's options; picocli's {@code onramp} command takes the same ones. */
    private static final List<String> OPTIONS = List.of("--data-dir", "--airbyte-url", "--locale");
    /** A language tag such as de or fr-CH: no command's name is two or three letters, so the parser would take it too. */
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*");
    /** Letters, digits, dashes and underscores only, or nothing: what a command's name looks like. */
    private static final Pattern BARE_WORD = Pattern.compile("[\\w-]*");
    /** As {@code OnrampCommand} starts the window: a simulator that feels like a real Airbyte. */
    static final Duration SIMULATOR_LATENCY = Duration.ofMillis(250);
    /** As {@code OnrampCommand} starts the window: five minutes to answer in the browser. */
    static final Duration CONSENT_TIMEOUT = Duration.ofMinutes(5);

    private WindowCommandLine() {}

    /** The window's options if {@code args} only open the window; empty if the parser must read them. */
    static Optional<AppOptions> read(List<String> args, BrowserLauncher browser) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                return Optional.empty();
            }
            boolean readable = name.equals("--locale") ? shippedLanguage(value) : plain(value);
            if (!OPTIONS.contains(name) || !readable || values.putIfAbsent(name, value) != null) {
                return Optional.empty();
            }
        }
        try {
            Path dataDir = values.containsKey("--data-dir")
                    ? Path.of(values.get("--data-dir"))
                    : DataDirectory.platformDefault();
            Optional<URI> airbyte = values.containsKey("--airbyte-url")
                    ? Optional.of(SelfManaged.apiBase(new URI(values.get("--airbyte-url"))))
                    : Optional.empty();
            Locale locale = Locales.choose(Optional.ofNullable(values.get("--locale")));
            return Optional.of(new AppOptions(dataDir, airbyte, browser, SIMULATOR_LATENCY, CONSENT_TIMEOUT, locale,
                    values.containsKey("--locale")));
        } catch (URISyntaxException | IllegalArgumentException e) {
            // An unreadable path or address: the parser reports it in the words a person expects.
            return Optional.empty();
        }
    }

    /** A language Onramp ships; any other tag is left to the parser, which says it goes on in English. */
    private static boolean shippedLanguage(String value) {
        return LANGUAGE_TAG.matcher(value).matches() && Locales.shipped(value).isPresent();
    }

    /**
     * A value the parser would take as it is: a path or an address, not like an option or an
     * argument file. A bare word such as {@code doctor} may be a command's name, which the parser
     * refuses as a value, so it is left to the parser too.
     */
    private static boolean plain(String value) {
        return !value.startsWith("-") && !value.startsWith("@") && !BARE_WORD.matcher(value).matches();
    }
}
