package dev.onramp.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.onramp.AppContext;
import dev.onramp.AppOptions;
import dev.onramp.connect.ConnectListener;
import dev.onramp.connect.ConnectOutcome;
import dev.onramp.model.Tenant;
import dev.onramp.oauth.BrowserLauncher;
import dev.onramp.testing.FakeDesktop;
import dev.onramp.testing.ScriptedBrowser;
import dev.onramp.testing.ScriptedBrowser.Decision;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The support bundle of a real demo-mode app: what it holds, and that no secret gets into it. */
class SupportBundleTest {
    private static final Logger LOG = LoggerFactory.getLogger(SupportBundleTest.class);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> MARKERS = List.of("MARKER-access-4f1c9e", "MARKER-client-secret-7b2d",
            "MARKER-password-91ea", "MARKER-bearer-c03f5a", "MARKER-state-d8e2");

    @TempDir
    Path dataDir;

    @TempDir
    Path bin;

    @TempDir
    Path outDir;

    private AppContext start(BrowserLauncher browser) {
        BrowserCheck browserCheck = new BrowserCheck("Linux", FakeDesktop.working(bin).env(),
                Duration.ofSeconds(5));
        return AppContext.start(new AppOptions(dataDir, Optional.empty(), browser, Duration.ZERO, Duration.ofMinutes(1)),
                browserCheck);
    }

    private static ConnectOutcome connect(AppContext app, String provider) throws Exception {
        Tenant tenant = app.tenants().tenantsCreatingDemoIfNone().getFirst();
        return app.connect().connect(tenant.id(), provider, ConnectListener.NONE).outcome()
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void bundle_holdsNoTokenCodeStateOrPlantedSecret() throws Exception {
        ScriptedBrowser browser = new ScriptedBrowser(Decision.ALLOW);
        Map<String, byte[]> entries;
        List<String> secrets = new ArrayList<>(MARKERS);
        try (AppContext app = start(browser)) {
            assertThat(connect(app, "hubspot")).isInstanceOf(ConnectOutcome.Connected.class);
            URI callback = browser.awaitVisit(WAIT).redirectTarget();
            secrets.addAll(app.simulator().orElseThrow().issuedSecrets());
            secrets.add(queryValue(callback, "state"));
            // What a careless debug line would write: the real callback, code, state and tokens.
            LOG.debug("Callback arrived at {}", callback);
            app.simulator().orElseThrow().issuedSecrets().forEach(secret ->
                    LOG.debug("Provider answered {\"access_token\":\"{}\",\"refresh_token\":\"{}\"}", secret, secret));
            LOG.debug("Calling Airbyte with Authorization: Bearer {} and state={}", MARKERS.get(3), MARKERS.get(4));
            // A log written before masking existed, or by hand: the bundle must mask it on its own.
            Path old = dataDir.resolve("logs").resolve("onramp.2026-01-01.0.log");
            Files.writeString(old, "token answer access_token=" + MARKERS.get(0) + "\n{\"client_secret\": \""
                    + MARKERS.get(1) + "\"}\nAirbyte at http://admin:" + MARKERS.get(2) + "@airbyte.local:8000/api\n");
            assertThat(Files.readString(old)).contains(MARKERS.subList(0, 3));

            entries = unzip(app.diagnostics().writeSupportBundle(outDir.resolve("bundle.zip")));
        }

        assertThat(secrets).hasSizeGreaterThanOrEqualTo(MARKERS.size() + 3);
        assertThat(entries).containsKeys("logs/onramp.log", "logs/onramp.2026-01-01.0.log");
        assertThat(text(entries, "logs/onramp.log")).contains("Callback arrived at", "access_token\":\"[hidden]\"");
        entries.forEach((name, bytes) -> {
            String content = new String(bytes, StandardCharsets.ISO_8859_1);
            assertThat(secrets).as("secrets in %s", name).noneMatch(content::contains);
        });
    }

    @Test
    void bundle_holdsTheDoctorVersionsSystemSettingsFlowsAndLogs() throws Exception {
        Map<String, byte[]> entries;
        try (AppContext app = start(new ScriptedBrowser(Decision.DENY))) {
            assertThat(connect(app, "hubspot")).isInstanceOf(ConnectOutcome.Ended.class);
            entries = unzip(app.diagnostics().writeSupportBundle(outDir.resolve("bundle.zip")));
        }

        assertThat(entries).containsKeys("README.txt", "doctor.txt", "versions.txt", "system.txt", "settings.txt",
                "flows.csv", "logs/onramp.log");
        assertThat(text(entries, "doctor.txt").lines()).hasSize(8).allMatch(line -> line.startsWith("✓ "));
        assertThat(text(entries, "versions.txt")).contains("Onramp: ", "Java: " + Runtime.version(), "JavaFX: 25", "OS: ");
        assertThat(text(entries, "settings.txt")).contains("Data folder: " + dataDir.toAbsolutePath(),
                "(demo mode: the built-in simulator)");
        assertThat(text(entries, "flows.csv").lines().toList()).hasSize(2)
                .first().isEqualTo("updated_at,started_at,state,provider,business_id,flow_id,source_id,reason,kind,connection_id");
        assertThat(text(entries, "flows.csv")).contains(",FAILED,hubspot,", "declined");
    }

    @Test
    void missingTargetFolder_failsWithASentenceAndLeavesNoPartialFile() {
        try (AppContext app = start(url -> false)) {
            Path target = outDir.resolve("missing").resolve("bundle.zip");

            assertThatThrownBy(() -> app.diagnostics().writeSupportBundle(target))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageStartingWith("Onramp could not write the support bundle " + target)
                    .hasMessageEndingWith("Choose a folder this user can write to.");
            assertThat(outDir).isEmptyDirectory();
        }
    }

    private static String queryValue(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        throw new AssertionError("No " + name + " in " + uri);
    }

    private static String text(Map<String, byte[]> entries, String name) {
        return new String(entries.get(name), StandardCharsets.UTF_8);
    }

    private static Map<String, byte[]> unzip(Path zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream unzip = new ZipInputStream(in)) {
            for (ZipEntry entry = unzip.getNextEntry(); entry != null; entry = unzip.getNextEntry()) {
                entries.put(entry.getName(), unzip.readAllBytes());
            }
        }
        return entries;
    }
}
