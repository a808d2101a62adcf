package dev.onramp.ui.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onramp.catalog.Catalog;
import dev.onramp.catalog.Recommendation;
import dev.onramp.connect.ConnectionHealth;
import dev.onramp.connect.summary.OnboardingSummary.SourceState;
import dev.onramp.model.Connection;
import dev.onramp.model.ConnectionId;
import dev.onramp.model.ConnectionStatus;
import dev.onramp.model.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

/** The hub's progress follows its recommended tiles as connections are shown, checked and disconnected. */
class OnboardingProgressTest {
    private static final Catalog CATALOG = Catalog.bundled();
    private final TenantId tenant = TenantId.random();

    private final List<Recommendation> picks = CATALOG.recommend("online-store");
    private final ObservableList<TileModel> tiles = FXCollections.observableArrayList(picks.stream().limit(12)
            .map(r -> TileModel.of(r, List.of())).toList());

    private Connection connection(String provider, ConnectionStatus status) {
        return new Connection(ConnectionId.random(), tenant, provider, "src-" + provider, provider, status,
                List.of("orders"), Instant.now(), Optional.empty(), Optional.empty());
    }

    private void show(Connection... connections) {
        tiles.forEach(tile -> tile.showConnections(List.of(connections)));
    }

    @Test
    void whileTheConnectionsLoad_itSaysSo_thenCountsTheRecommendedTilesOnly() {
        OnboardingProgress progress = new OnboardingProgress(tiles);

        assertThat(progress.textProperty().get()).isEqualTo("Checking the connections of the recommended sources…");
        assertThat(progress.entries()).hasSize(10);
        show();
        assertThat(progress.textProperty().get()).isEqualTo("0 of 10 recommended sources connected");
        assertThat(progress.entries()).extracting(OnboardingProgress.Entry::providerId)
                .startsWith("shopify", "stripe").doesNotContain(picks.get(10).provider().id());
        assertThat(progress.entries()).allMatch(e -> e.state() == SourceState.NOT_CONNECTED);
        assertThat(progress.entries().getFirst().reason()).isEqualTo("Your orders, products and customers");
        assertThat(progress.shownProperty().get()).isTrue();
    }

    @Test
    void aConnectAndAFailedCheck_changeTheLineAndTheChecklistAtOnce() {
        OnboardingProgress progress = new OnboardingProgress(tiles);
        show();
        TileModel stripe = tiles.get(1);
        Connection connected = connection("stripe", ConnectionStatus.ACTIVE);

        stripe.showConnected(connected);

        assertThat(progress.textProperty().get()).isEqualTo("1 of 10 recommended sources connected");
        assertThat(progress.fractionProperty().get()).isEqualTo(0.1);
        assertThat(progress.entries().get(1).state()).isEqualTo(SourceState.CONNECTED);

        stripe.showHealth(new ConnectionHealth(connected, ConnectionStatus.NEEDS_REAUTH, ConnectionStatus.ACTIVE, Instant.now(),
                Optional.of("The sign-in was revoked"), true));

        assertThat(progress.textProperty().get()).isEqualTo("0 of 10 recommended sources connected");
        assertThat(progress.entries().get(1).state()).isEqualTo(SourceState.NEEDS_ATTENTION);
        assertThat(progress.entries().get(1).status()).isEqualTo("Needs reconnecting");
    }

    @Test
    void everyRecommendedSourceConnected_saysAll_andADisconnectTakesOneAway() {
        OnboardingProgress progress = new OnboardingProgress(tiles);
        Connection[] all = picks.stream().filter(Recommendation::recommended)
                .map(r -> connection(r.provider().id(), ConnectionStatus.ACTIVE)).toArray(Connection[]::new);
        show(all);

        assertThat(progress.textProperty().get()).isEqualTo("All 10 recommended sources connected");
        assertThat(progress.completeProperty().get()).isTrue();

        show(java.util.Arrays.copyOf(all, 9));

        assertThat(progress.textProperty().get()).isEqualTo("9 of 10 recommended sources connected");
        assertThat(progress.completeProperty().get()).isFalse();
    }

    @Test
    void tilesWithoutABusiness_hideTheProgress() {
        tiles.setAll(CATALOG.providers().stream().limit(5).map(p -> TileModel.unranked(p, List.of())).toList());

        OnboardingProgress progress = new OnboardingProgress(tiles);

        assertThat(progress.shownProperty().get()).isFalse();
        assertThat(progress.textProperty().get()).isEmpty();
        assertThat(progress.entries()).isEmpty();
    }
}
