package dev.onramp.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The settings a support bundle shows, without the credentials an Airbyte address may carry. */
class SettingsTest {
    @Test
    void airbyteAddress_losesUserPasswordQueryAndFragment() {
        Settings settings = new Settings(Path.of("/data"), Path.of("/data/logs"),
                URI.create("https://admin:s3cret@airbyte.example.com:8443/api?api_key=k-1#top"), false, "file");

        assertThat(settings.text()).contains("Airbyte: https://airbyte.example.com:8443/api\n").doesNotContain("s3cret", "k-1");
    }

    @Test
    void demoMode_isSaid() {
        Settings settings = new Settings(Path.of("/data"), Path.of("/data/logs"), URI.create("http://127.0.0.1:5000/api"),
                true, "file");

        assertThat(settings.text()).contains("Airbyte: http://127.0.0.1:5000/api (demo mode: the built-in simulator)");
    }
}
