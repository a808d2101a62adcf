package dev.onramp.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The providers' brand logos bundled in {@code logos.tsv.gz} (from simple-icons, see
 * logos-NOTICE.txt), read once on first use, and monograms for providers without one.
 */
public final class Logos {
    private static final Logger LOG = LoggerFactory.getLogger(Logos.class);
    private static final String RESOURCE = "logos.tsv.gz";
    /** Background colours for monograms; each has at least 4.5:1 contrast with white text (WCAG AA). */
    static final List<String> PALETTE = List.of(
            "1D4ED8", // blue
            "047857", // green
            "B91C1C", // red
            "6D28D9", // violet
            "C2410C", // orange
            "0F766E", // teal
            "BE185D", // pink
            "4338CA", // indigo
            "A16207", // ochre
            "475569"); // slate

    private Logos() {}

    /**
     * The logo of the connector with this slug (its Airbyte dockerRepository without
     * {@code airbyte/source-}). The first call reads the bundled file (about 70 KB of gzip), so make
     * it off the FX thread, for example where the hub's data is loaded.
     */
    public static Optional<Logo> of(String slug) {
        return Optional.ofNullable(Table.LOGOS.get(slug));
    }

    /**
     * One or two capital letters for {@code name}: the first letters of its first two words ("Google
     * Ads" → "GA"), or the first letter of a one-word name ("Stripe" → "S"); the colour is picked from
     * the name, so a provider keeps it.
     */
    public static Monogram monogram(String name) {
        String text = name == null ? "" : name.strip();
        StringBuilder letters = new StringBuilder(2);
        for (String word : text.split("\\s+")) {
            if (letters.length() >= 2) {
                break;
            }
            word.codePoints().filter(Character::isLetterOrDigit).findFirst()
                    .ifPresent(c -> letters.appendCodePoint(Character.toUpperCase(c)));
        }
        String colour = PALETTE.get(Math.floorMod(text.toLowerCase(Locale.ROOT).hashCode(), PALETTE.size()));
        return new Monogram(letters.isEmpty() ? "?" : letters.toString(), colour);
    }

    /** Holds the table; the JVM loads it once, on the first call that needs it, whatever the thread. */
    private static final class Table {
        static final Map<String, Logo> LOGOS = read();

        private static Map<String, Logo> read() {
            try (InputStream in = Logos.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    LOG.warn("The provider logos dev/onramp/catalog/{} are missing from the Onramp package;"
                            + " providers are shown with their initials", RESOURCE);
                    return Map.of();
                }
                return parse(new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8)));
            } catch (IOException | RuntimeException e) {
                LOG.warn("The provider logos dev/onramp/catalog/{} could not be read ({}); providers are shown with"
                        + " their initials", RESOURCE, e.toString());
                return Map.of();
            }
        }

        private static Map<String, Logo> parse(BufferedReader lines) throws IOException {
            Map<String, Logo> logos = new HashMap<>();
            List<Integer> broken = new ArrayList<>();
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                String[] fields = line.split("\t", 3);
                try {
                    if (fields.length != 3 || fields[0].isEmpty() || fields[2].isEmpty()) {
                        throw new IllegalArgumentException("not slug, colour and path");
                    }
                    logos.put(fields[0], new Logo(fields[0], fields[1], fields[2]));
                } catch (IllegalArgumentException e) {
                    broken.add(number);
                }
            }
            if (!broken.isEmpty()) {
                LOG.warn("Lines {} of dev/onramp/catalog/{} are not logos and were skipped", broken, RESOURCE);
            }
            return Map.copyOf(logos);
        }
    }
}
