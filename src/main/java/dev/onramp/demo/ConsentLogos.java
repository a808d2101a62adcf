package dev.onramp.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The providers' brand icons for the consent pages, read once from the logos file Onramp bundles
 * ({@code /dev/onramp/catalog/logos.tsv.gz}, from simple-icons), keyed by connector slug.
 */
final class ConsentLogos {
    private static final Logger LOG = LoggerFactory.getLogger(ConsentLogos.class);
    private static final String RESOURCE = "/dev/onramp/catalog/logos.tsv.gz";
    private static final Pattern COLOUR = Pattern.compile("[0-9A-Fa-f]{6}");
    /** SVG path data and nothing else: commands, numbers, separators. */
    private static final Pattern PATH = Pattern.compile("[MmZzLlHhVvCcSsQqTtAa0-9eE.,+\\- ]+");

    /** A brand icon: its colour (six hex digits) and its path on a 24×24 view box. */
    record Icon(String colour, String path) {
        /** True when the colour has less than 3:1 contrast with white, so it needs a dark tile. */
        boolean light() {
            int rgb = Integer.parseInt(colour, 16);
            return 0.2126 * linear(rgb >> 16 & 0xFF) + 0.7152 * linear(rgb >> 8 & 0xFF) + 0.0722 * linear(rgb & 0xFF) > 0.30;
        }

        private static double linear(int channel) {
            double c = channel / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
    }

    private ConsentLogos() {}

    /**
     * The icon of the connector with this slug: Airbyte's dockerRepository without
     * {@code airbyte/source-}, which is the simulator's {@code sourceType}.
     */
    static Optional<Icon> of(String slug) {
        return Optional.ofNullable(Table.ICONS.get(slug));
    }

    /** Holds the icons; the JVM reads them once, on the first consent page. */
    private static final class Table {
        static final Map<String, Icon> ICONS = read();

        private static Map<String, Icon> read() {
            try (InputStream in = ConsentLogos.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    LOG.warn("The provider logos {} are missing; consent pages show initials", RESOURCE);
                    return Map.of();
                }
                Map<String, Icon> icons = new HashMap<>();
                BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    String[] fields = line.split("\t", 3);
                    if (fields.length == 3 && COLOUR.matcher(fields[1]).matches() && PATH.matcher(fields[2]).matches()) {
                        icons.put(fields[0], new Icon(fields[1].toUpperCase(Locale.ROOT), fields[2]));
                    }
                }
                return Map.copyOf(icons);
            } catch (IOException | RuntimeException e) {
                LOG.warn("The provider logos {} could not be read ({}); consent pages show initials", RESOURCE, e.toString());
                return Map.of();
            }
        }
    }
}
