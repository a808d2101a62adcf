package dev.onramp.ui.hub;

import dev.onramp.catalog.ProviderSearch;
import dev.onramp.catalog.SearchIndex;
import dev.onramp.ui.common.UiText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.util.Subscription;

/**
 * What the hub lists for the words searched and the category chosen: sections Recommended for the
 * business (with reasons), Connected and All providers, or one section of matches, best first, found by
 * what a person reads on the tiles in the window's language as well as by names and English words.
 * Lives on the FX thread.
 */
public final class HubSections {
    static final String ALL = "";

    private final ObservableList<TileModel> tiles;
    private final ObservableValue<String> business;
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final StringProperty category = new SimpleStringProperty(this, "category", ALL);
    private final ObservableList<HubSection> sections = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper count = new ReadOnlyStringWrapper(this, "count", "");
    /** The words of the tiles' providers in the window's language, read once a provider, on the first search. */
    private final SearchIndex index = new SearchIndex(UiText.locale(), CategoryWords::of);
    /** The search over the tiles' providers and their reasons, made again from the index when the tiles are. */
    private ProviderSearch search;
    private Subscription watchedTiles = Subscription.EMPTY;

    /**
     * @param tiles the hub's tiles, in recommendation order
     * @param business the chosen business's name, empty before one is chosen
     */
    HubSections(ObservableList<TileModel> tiles, ObservableValue<String> business) {
        this.tiles = tiles;
        this.business = business;
        tiles.addListener((ListChangeListener<TileModel>) change -> {
            search = null;
            watchConnections();
            update();
        });
        query.subscribe(this::update);
        category.subscribe(this::update);
        business.subscribe(this::update);
        watchConnections();
        update();
    }

    /** The words searched; plain text. */
    public StringProperty queryProperty() {
        return query;
    }

    /** The category chosen, empty for every category. */
    public StringProperty categoryProperty() {
        return category;
    }

    public ObservableList<HubSection> sections() {
        return sections;
    }

    /** How many providers are listed, e.g. "587 providers" or "4 matches". */
    public ReadOnlyStringProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** A tile that connects or disconnects moves between Connected and the other sections. */
    private void watchConnections() {
        watchedTiles.unsubscribe();
        watchedTiles = tiles.stream()
                .map(tile -> tile.connectedProperty().subscribe((was, is) -> update()))
                .reduce(Subscription.EMPTY, Subscription::and);
    }

    private void update() {
        String words = query.get() == null ? "" : query.get();
        String chosen = category.get() == null ? ALL : category.get();
        Predicate<TileModel> inCategory = tile -> chosen.isEmpty() || tile.category().equals(chosen);
        List<HubSection> made = new ArrayList<>();
        int listed;
        if (words.isBlank()) {
            List<TileModel> recommended = tiles.stream().filter(TileModel::recommended).filter(inCategory).toList();
            List<TileModel> connected = tiles.stream()
                    .filter(tile -> !tile.recommended() && tile.connectedProperty().get()).filter(inCategory).toList();
            List<TileModel> rest = tiles.stream()
                    .filter(tile -> !tile.recommended() && !tile.connectedProperty().get()).filter(inCategory).toList();
            if (!chosen.isEmpty()) {
                // One category's providers: the best known (featured, certified) first, then by name.
                Map<String, TileModel> byId = new HashMap<>();
                rest.forEach(tile -> byId.put(tile.provider().id(), tile));
                rest = search().search("", chosen, Set.of()).stream().map(match -> byId.get(match.provider().id()))
                        .filter(java.util.Objects::nonNull).toList();
            }
            String name = business.getValue() == null ? "" : business.getValue();
            if (!recommended.isEmpty()) {
                made.add(new HubSection("recommended", name.isEmpty() ? UiText.get("ui.hub.section.recommended")
                        : UiText.get("ui.hub.section.recommendedFor", name),
                        UiText.get("ui.hub.section.recommended.subtitle"), recommended, ""));
            }
            if (!connected.isEmpty()) {
                made.add(new HubSection("connected", UiText.get("ui.hub.section.connected"),
                        UiText.get("ui.hub.section.connected.subtitle"), connected, ""));
            }
            String all = chosen.isEmpty() ? UiText.get("ui.hub.section.all")
                    : UiText.get("ui.hub.section.allInCategory", CategoryWords.of(chosen));
            made.add(new HubSection("all", all, !chosen.isEmpty() ? UiText.get("ui.hub.section.all.bestKnownFirst")
                    : recommended.isEmpty() && connected.isEmpty() ? UiText.get("ui.hub.section.all.everySource")
                    : UiText.get("ui.hub.section.all.everyOtherSource"), rest,
                    chosen.isEmpty() ? UiText.get("ui.hub.section.all.none")
                    : UiText.get("ui.hub.section.all.noneInCategory", CategoryWords.of(chosen))));
            listed = recommended.size() + connected.size() + rest.size();
        } else {
            Map<String, TileModel> byId = new HashMap<>();
            tiles.forEach(tile -> byId.put(tile.provider().id(), tile));
            Set<String> recommendedIds = tiles.stream().filter(TileModel::recommended)
                    .map(tile -> tile.provider().id()).collect(Collectors.toSet());
            List<TileModel> found = search().search(words, chosen, recommendedIds).stream()
                    .map(match -> byId.get(match.provider().id())).toList();
            String shown = words.strip().length() > 60 ? words.strip().substring(0, 60) + "…" : words.strip();
            made.add(new HubSection("matches", chosen.isEmpty() ? UiText.get("ui.hub.section.matches", shown)
                    : UiText.get("ui.hub.section.matchesInCategory", shown, CategoryWords.of(chosen)),
                    UiText.get("ui.hub.section.matches.subtitle"), found,
                    chosen.isEmpty() ? UiText.get("ui.hub.section.matches.none", shown)
                    : UiText.get("ui.hub.section.matchesInCategory.none", shown, CategoryWords.of(chosen))));
            listed = found.size();
        }
        sections.setAll(made);
        count.set(words.isBlank() ? UiText.get("ui.hub.count.providers", listed)
                : UiText.get("ui.hub.count.matches", listed));
    }

    private ProviderSearch search() {
        if (search == null) {
            Map<String, String> reasons = new HashMap<>();
            tiles.stream().filter(TileModel::recommended)
                    .forEach(tile -> reasons.put(tile.provider().id(), tile.recommendedReason()));
            search = index.search(tiles.stream().map(TileModel::provider).toList(), reasons);
        }
        return search;
    }
}
