package dev.onramp.ui.hub;

import dev.onramp.connect.summary.OnboardingSummary.SourceState;
import dev.onramp.ui.common.UiText;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.util.Subscription;

/**
 * How far the chosen business is, read live from the hub's tiles: its recommended providers as a
 * checklist (connected, needs attention, not connected) and the line "3 of 5 recommended sources
 * connected". A connect, a disconnect or a check changes a tile, and the checklist follows at once;
 * it lives on the FX thread, as the tiles do.
 */
public final class OnboardingProgress {
    /** One recommended provider on the checklist: where it stands, why it is recommended, and the tile's status words. */
    public record Entry(String providerId, String name, String reason, SourceState state, String status) {
        public Entry {
            Objects.requireNonNull(providerId, "providerId");
            Objects.requireNonNull(state, "state");
        }
    }

    private final ObservableList<TileModel> tiles;
    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final ObservableList<Entry> entriesView = FXCollections.unmodifiableObservableList(entries);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper complete = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(false);
    private Subscription watched = Subscription.EMPTY;

    /** Follows {@code tiles}, the hub's tiles in recommendation order; the recommended ones make the checklist. */
    OnboardingProgress(ObservableList<TileModel> tiles) {
        this.tiles = tiles;
        tiles.addListener((ListChangeListener<TileModel>) change -> watch());
        watch();
    }

    /** Follows the recommended tiles now in the list, each one's state, and shows them. */
    private void watch() {
        watched.unsubscribe();
        List<TileModel> recommended = tiles.stream().filter(TileModel::recommended).toList();
        watched = recommended.stream()
                .map(tile -> Subscription.combine(
                        tile.connectedProperty().subscribe((was, is) -> refresh()),
                        tile.problemProperty().subscribe((was, is) -> refresh()),
                        tile.checkingProperty().subscribe((was, is) -> refresh()),
                        tile.statusProperty().subscribe((was, is) -> refresh())))
                .reduce(Subscription.EMPTY, Subscription::and);
        refresh();
    }

    private void refresh() {
        List<TileModel> recommended = tiles.stream().filter(TileModel::recommended).toList();
        List<Entry> now = recommended.stream().map(OnboardingProgress::entryOf).toList();
        if (!now.equals(entries)) {
            entries.setAll(now);
        }
        long connected = now.stream().filter(e -> e.state() == SourceState.CONNECTED).count();
        boolean checking = recommended.stream().anyMatch(tile -> tile.checkingProperty().get());
        shown.set(!recommended.isEmpty());
        text.set(recommended.isEmpty() ? "" : checking ? checkingText() : line((int) connected, recommended.size()));
        fraction.set(recommended.isEmpty() ? 0 : (double) connected / recommended.size());
        complete.set(!recommended.isEmpty() && connected == recommended.size());
    }

    /** What the line says while the recommended sources' connections are being checked. */
    static String checkingText() {
        return UiText.get("ui.hub.progress.checking");
    }

    /** "3 of 5 recommended sources connected", "All 5 recommended sources connected", "The recommended source is connected". */
    static String line(int connected, int recommended) {
        return connected >= recommended ? UiText.get("ui.hub.progress.all", recommended)
                : UiText.get("ui.hub.progress.some", connected, recommended);
    }

    private static Entry entryOf(TileModel tile) {
        SourceState state = tile.connectedProperty().get() ? SourceState.CONNECTED
                : tile.problemProperty().get() ? SourceState.NEEDS_ATTENTION : SourceState.NOT_CONNECTED;
        return new Entry(tile.provider().id(), tile.name(), tile.recommendedReason(), state,
                tile.checkingProperty().get() ? "" : tile.statusProperty().get());
    }

    /** The business's recommended providers in rank order, each with where it stands. */
    public ObservableList<Entry> entries() {
        return entriesView;
    }

    /** "3 of 5 recommended sources connected", "All 5 recommended sources connected", or empty without a business. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** The share of recommended providers connected, 0 to 1. */
    public ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    /** True when every recommended provider is connected. */
    public ReadOnlyBooleanProperty completeProperty() {
        return complete.getReadOnlyProperty();
    }

    /** True when there is a checklist to show: a business is chosen and has recommended providers. */
    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }
}
