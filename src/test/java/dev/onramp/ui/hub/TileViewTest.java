package dev.onramp.ui.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.catalog.Recommendation;
import dev.onramp.model.AuthMode;
import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionId;
import dev.onramp.model.ConnectionStatus;
import dev.onramp.model.TenantId;
import java.time.Instant;
import javafx.scene.AccessibleRole;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import dev.onramp.model.OAuthFacts;
import dev.onramp.model.Provider;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** A tile makes its buttons when they first apply, however long that takes. */
@ExtendWith(ApplicationExtension.class)
class TileViewTest {
    private static final Provider HUBSPOT = new Provider(
            "hubspot",
            "HubSpot",
            "CRM",
            "36c891d9-4bd9-43ac-bad2-10e12756272c",
            "hubspot",
            AuthMode.OAUTH,
            Optional.of(new OAuthFacts(List.of(), "", Map.of(), Map.of())),
            "Contacts, companies and deals");

    @Test
    void aGarbageCollectionWhileTheConnectionsAreChecked_stillLeavesTheTileItsConnectButton(FxRobot robot) {
        TileModel model = TileModel.unranked(HUBSPOT, List.of());
        AtomicReference<TileView> view = new AtomicReference<>();
        robot.interact(() -> view.set(new TileView(model, new NoActions())));

        System.gc();
        robot.interact(() -> model.showConnections(List.of()));

        assertThat(view.get().root().lookup(".connect-button")).isNotNull();
    }

    @Test
    void aTile_readsAsAWholeThatFollowsItsState_andItsButtonsSayWhatTheyActOn(FxRobot robot) {
        TileModel model = TileModel.of(new Recommendation(HUBSPOT, true, 1, "leads and deals for your sales team"),
                List.of());
        AtomicReference<TileView> view = new AtomicReference<>();
        robot.interact(() -> view.set(new TileView(model, new NoActions())));
        robot.interact(() -> model.showConnections(List.of()));
        Parent tile = view.get().root();

        assertThat(tile.getAccessibleRole()).isEqualTo(AccessibleRole.LIST_ITEM);
        assertThat(tile.getAccessibleText()).isEqualTo("HubSpot, CRM, recommended: leads and deals for your sales team");
        assertThat(tile.lookup(".connect-button").getAccessibleText()).isEqualTo("Connect HubSpot");

        robot.interact(() -> model.showConnections(List.of(new Connection(ConnectionId.random(), TenantId.random(),
                "hubspot", "source-hubspot", "sales@example.com", ConnectionStatus.ACTIVE,
                List.of("contacts", "deals", "companies"), Instant.parse("2026-01-01T00:00:00Z"), Optional.empty(),
                Optional.empty()))));

        assertThat(tile.getAccessibleText()).isEqualTo("HubSpot, CRM, recommended: leads and deals for your sales team, "
                + "Connected, 3 streams");
        assertThat(tile.lookup(".streams-button").getAccessibleText()).isEqualTo("HubSpot streams");
        assertThat(tile.lookup(".disconnect-link").getAccessibleText())
                .isEqualTo("Disconnect HubSpot (account sales@example.com)…");
    }

    @Test
    void inGermanAndFrench_aTileReadsAsAWholeFromItsLanguagesPattern_andItsButtonsSpeakIt(FxRobot robot) {
        Locale before = Locale.getDefault(Locale.Category.DISPLAY);
        try {
            Locale.setDefault(Locale.Category.DISPLAY, Locale.GERMAN);
            Parent german = connectedHubspotTile(robot);
            assertThat(german.getAccessibleText()).isEqualTo("HubSpot, CRM, empfohlen: leads and deals for your sales"
                    + " team, Verbunden, 3 Streams");
            assertThat(((Button) german.lookup(".streams-button")).getText()).isEqualTo("Streams zeigen");
            assertThat(german.lookup(".disconnect-link").getAccessibleText())
                    .isEqualTo("HubSpot (Konto sales@example.com) trennen…");

            Locale.setDefault(Locale.Category.DISPLAY, Locale.FRENCH);
            Parent french = connectedHubspotTile(robot);
            assertThat(french.getAccessibleText()).isEqualTo("HubSpot, CRM, recommandé : leads and deals for your"
                    + " sales team, Connecté, 3 flux");
            assertThat(french.lookup(".streams-button").getAccessibleText()).isEqualTo("Flux HubSpot");
        } finally {
            Locale.setDefault(Locale.Category.DISPLAY, before);
        }
    }

    /** A recommended HubSpot tile, connected with three streams, made in the window's language now. */
    private static Parent connectedHubspotTile(FxRobot robot) {
        TileModel model = TileModel.of(new Recommendation(HUBSPOT, true, 1, "leads and deals for your sales team"),
                List.of());
        AtomicReference<TileView> view = new AtomicReference<>();
        robot.interact(() -> view.set(new TileView(model, new NoActions())));
        robot.interact(() -> model.showConnections(List.of(new Connection(ConnectionId.random(), TenantId.random(),
                "hubspot", "source-hubspot", "sales@example.com", ConnectionStatus.ACTIVE,
                List.of("contacts", "deals", "companies"), Instant.parse("2026-01-01T00:00:00Z"), Optional.empty(),
                Optional.empty()))));
        return view.get().root();
    }

    /** Tile actions that do nothing: this test clicks nothing. */
    private static final class NoActions implements TileActions {
        @Override
        public void connect(TileModel tile) {}

        @Override
        public void connectWithCredentials(TileModel tile) {}

        @Override
        public void showStreams(TileModel tile) {}

        @Override
        public void reconnect(TileModel tile) {}

        @Override
        public void checkNow(TileModel tile) {}

        @Override
        public void rename(TileModel tile) {}

        @Override
        public void updateCredentials(TileModel tile) {}

        @Override
        public void disconnect(TileModel tile) {}
    }
}
