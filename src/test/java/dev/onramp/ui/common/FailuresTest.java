package dev.onramp.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.airbyte.AirbyteException;
import dev.onramp.airbyte.ConfigApiGateway;
import dev.onramp.business.TenantService;
import dev.onramp.catalog.Catalog;
import dev.onramp.store.AuditLog;
import dev.onramp.store.Database;
import dev.onramp.store.FileKekStore;
import dev.onramp.store.TenantRepository;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failure that came back from a background call, said in the window's language (German here). */
class FailuresTest {
    @TempDir
    Path dataDir;

    private Locale before;

    @BeforeEach
    void speakGerman() {
        before = Locale.getDefault(Locale.Category.DISPLAY);
        Locale.setDefault(Locale.Category.DISPLAY, Locale.GERMAN);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(Locale.Category.DISPLAY, before);
    }

    @Test
    void aRefusalFromTheCore_isSaidInTheWindowsLanguage_withoutTheFuturesWrapping() {
        try (Database db = Database.open(dataDir)) {
            TenantService tenants = new TenantService(db, new TenantRepository(db),
                    AuditLog.open(db, new FileKekStore(dataDir.resolve("keys/onramp.kek")), Clock.systemUTC()),
                    Catalog.bundled(), "test");

            Throwable failure = CompletableFuture.runAsync(() -> tenants.create(" ", "online-store"))
                    .handle((done, thrown) -> thrown).join();

            assertThat(failure).isInstanceOf(CompletionException.class);
            assertThat(Failures.message(failure)).isEqualTo("Geben Sie dem Unternehmen einen Namen.");
        }
    }

    @Test
    void anAirbyteThatDoesNotAnswer_isSaidInGerman_andPointsAtTheSettings() throws IOException {
        URI closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/api");
        }
        ConfigApiGateway nobody = new ConfigApiGateway(closed, Duration.ofSeconds(5));
        Throwable failure = CompletableFuture.runAsync(nobody::listWorkspaces).handle((done, thrown) -> thrown).join();

        String said = Failures.message(failure);

        assertThat(failure.getCause()).isInstanceOf(AirbyteException.class);
        assertThat(said).isEqualTo("Onramp konnte Airbyte unter " + closed
                + " nicht erreichen. Prüfen Sie, dass es läuft und die Adresse stimmt.");
        assertThat(Failures.pointsAtSettings("Onramp konnte die Unternehmen nicht laden: " + said)).isTrue();
        assertThat(Failures.pointsAtSettings("Geben Sie dem Unternehmen einen Namen.")).isFalse();
    }

    @Test
    void aFailureThatSaysNothing_isNamedInTheWindowsLanguage() {
        assertThat(Failures.message(new CompletionException(new IllegalStateException())))
                .isEqualTo("ein unerwarteter Fehler (IllegalStateException)");
    }
}
