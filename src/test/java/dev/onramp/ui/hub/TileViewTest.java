package dev.onramp.ui.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.model.AuthMode;
import dev.onramp.model.OAuthFacts;
import dev.onramp.model.Provider;
import java.util.List;
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
