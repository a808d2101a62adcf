package dev.onramp.catalog;

import dev.onramp.text.Messages;
import java.util.List;
import java.util.Locale;

/**
 * How a connector nobody curated is listed: a category from its name or kind (databases and files,
 * ad platforms, else Other) and a plain summary; the catalog generator and the live provider list
 * both use it; the summary is said in English and, on a translated catalog, in its language.
 */
public final class UncuratedListing {
    /** The registry's kinds of connector, each summarised its own way. */
    private static final List<String> KINDS = List.of("database", "file", "api");

    private UncuratedListing() {}

    /** The category of a connector named {@code name} of the registry's {@code kind} (api, database, file). */
    public static String category(String name, String kind) {
        String lower = " " + name.toLowerCase(Locale.ROOT) + " ";
        if (kind.equals("database") || kind.equals("file") || lower.matches(".*\\b(sftp|ftp|s3|database|db|sql)\\b.*")) {
            return "Files & databases";
        }
        if (lower.matches(".*\\b(ads|advertising|adwords)\\b.*")) {
            return "Advertising";
        }
        return "Other";
    }

    /** The summary of a connector named {@code name} of the registry's {@code kind}, in English. */
    public static String summary(String name, String kind) {
        return summary(name, kind, Messages.english());
    }

    /**
     * {@code summary}, a connector's, in {@code messages}' language when it is the English summary this listing
     * gives a connector named {@code name}; else as it is.
     */
    static String said(String name, String summary, Messages messages) {
        for (String kind : KINDS) {
            if (summary.equals(summary(name, kind))) {
                return summary(name, kind, messages);
            }
        }
        return summary;
    }

    private static String summary(String name, String kind, Messages messages) {
        return switch (kind) {
            case "database" -> messages.get("catalog.uncurated.database", name);
            case "file" -> messages.get("catalog.uncurated.file", name);
            default -> messages.get("catalog.uncurated.api", name);
        };
    }
}
