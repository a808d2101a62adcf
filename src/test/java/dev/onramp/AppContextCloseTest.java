package dev.onramp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.connect.ConnectFlow;
import dev.onramp.connect.ConnectListener;
import dev.onramp.connect.ConnectOutcome;
import dev.onramp.connect.ConnectStep;
import dev.onramp.model.AuditEvent;
import dev.onramp.model.FlowRecord;
import dev.onramp.model.FlowState;
import dev.onramp.model.Tenant;
import dev.onramp.store.AuditLog;
import dev.onramp.store.Database;
import dev.onramp.store.FlowJournal;
import dev.onramp.store.KekStores;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closing the app while a flow waits for the browser: the flow's end is recorded before the database closes. */
class AppContextCloseTest {
    @TempDir
    Path dataDir;

    @Test
    void closeWhileAFlowWaitsForTheBrowser_recordsItsCancelInTheJournalAndAuditFirst() throws Exception {
        AppContext app = AppContext.start(new AppOptions(dataDir, Optional.empty(), url -> false, Duration.ZERO,
                Duration.ofMinutes(2)));
        Tenant tenant = app.tenants().tenantsCreatingDemoIfNone().getFirst();
        CompletableFuture<URI> waiting = new CompletableFuture<>();
        ConnectFlow flow = app.connect().connect(tenant.id(), "hubspot", new ConnectListener() {
            @Override
            public void onStep(ConnectStep step) {}

            @Override
            public void onConsentUrl(URI consentUrl, boolean browserOpened) {
                waiting.complete(consentUrl);
            }
        });
        waiting.get(20, TimeUnit.SECONDS);

        app.close();
        app.close(); // a second close (the shutdown hook's, or the command's own) does nothing

        ConnectOutcome outcome = flow.outcome().getNow(null);
        assertThat(outcome).isInstanceOfSatisfying(ConnectOutcome.Ended.class,
                ended -> assertThat(ended.state()).isEqualTo(FlowState.CANCELLED));
        try (Database db = Database.open(dataDir)) {
            FlowRecord journaled = new FlowJournal(db, Clock.systemUTC()).find(tenant.id(), flow.id()).orElseThrow();
            assertThat(journaled.state()).isEqualTo(FlowState.CANCELLED);
            try (AuditLog audit = AuditLog.open(db, KekStores.forThisSystem(dataDir), Clock.systemUTC())) {
                assertThat(audit.list(tenant.id())).filteredOn(e -> e.resource().equals("flow/" + flow.id()))
                        .extracting(AuditEvent::action).containsExactly("connect.cancelled");
            }
        }
    }
}
