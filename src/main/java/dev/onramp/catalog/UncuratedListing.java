package dev.onramp.catalog;

import java.util.Locale;

/**
 * How a connector nobody curated is listed: a category from its name or kind (databases and files,
 * ad platforms, else Other) and a plain summary; the catalog generator and the live provider list
 * both use it.
 */
public final class UncuratedListing {
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

    /** The summary of a connector named {@code name} of the registry's {@code kind}. */
    public static String summary(String name, String kind) {
        return switch (kind) {
            case "database" -> "Tables from a " + name + " database";
            case "file" -> "Files from " + name;
            default -> "Data from your " + name + " account";
        };
    }
}
