package dev.onramp.business;

import dev.onramp.store.WindowPreferences;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the window was and how large when it was last closed (and whether maximized), kept in the
 * window's preferences file of the data folder so that the next start draws its first frame there;
 * not audited, as it says nothing about the data.
 */
public final class WindowPlacement {
    private static final String NAME = "window_placement";

    private final WindowPreferences preferences;

    public WindowPlacement(WindowPreferences preferences) {
        this.preferences = preferences;
    }

    /** The placement saved in the data folder {@code dataDir}, read before anything else is opened. */
    public static Optional<Placement> savedIn(Path dataDir) {
        return new WindowPlacement(new WindowPreferences(dataDir)).saved();
    }

    /** The window's bounds when not maximized, in screen pixels, and whether it was maximized. */
    public record Placement(double x, double y, double width, double height, boolean maximized) {
        public Placement {
            if (!(width > 0 && height > 0) || !Double.isFinite(x) || !Double.isFinite(y)) {
                throw new IllegalArgumentException("A window's placement needs a finite position and a positive size");
            }
        }

        String text() {
            return String.format(Locale.ROOT, "%.0f,%.0f,%.0f,%.0f,%s", x, y, width, height, maximized);
        }

        static Optional<Placement> parse(String text) {
            String[] parts = text.strip().split(",");
            if (parts.length != 5) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Placement(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
                        Double.parseDouble(parts[2]), Double.parseDouble(parts[3]), Boolean.parseBoolean(parts[4])));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    /** The placement saved when the window last closed; empty before the first close or when unreadable. Blocks. */
    public Optional<Placement> saved() {
        return preferences.get(NAME).flatMap(Placement::parse);
    }

    /** Saves {@code placement} for the next start. Blocks. */
    public void save(Placement placement) {
        preferences.put(NAME, Optional.of(placement.text()));
    }
}
