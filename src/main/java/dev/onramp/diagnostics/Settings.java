package dev.onramp.diagnostics;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The settings a support person needs to see: where the data and logs are, which Airbyte is used,
 * and where the key is kept.
 *
 * @param demo true when the built-in simulator stands in for Airbyte
 */
public record Settings(Path dataDir, Path logFolder, URI airbyteUrl, boolean demo, String keyStore) {
    public Settings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(logFolder, "logFolder");
        Objects.requireNonNull(airbyteUrl, "airbyteUrl");
        Objects.requireNonNull(keyStore, "keyStore");
    }

    /** Lines of {@code Name: value}, the Airbyte address without any user name, password or query. */
    public String text() {
        return "Data folder: " + dataDir + "\nLog folder: " + logFolder + "\nAirbyte: " + withoutCredentials(airbyteUrl)
                + (demo ? " (demo mode: the built-in simulator)" : "") + "\nKey store: " + keyStore + "\n";
    }

    /** {@code url} without user info, query and fragment, where credentials or tokens could hide. */
    static String withoutCredentials(URI url) {
        try {
            return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), null, null).toString();
        } catch (URISyntaxException e) {
            return "(an address Onramp cannot show safely)";
        }
    }
}
