package dev.onramp.ui.hub;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The hub's sections as a virtual list of rows: only the rows in view exist as nodes, so the whole
 * catalog costs no more to show than a screenful; as many tiles go to a row as the width holds.
 */
final class TileList {
    private static final double GAP = 16;
    private static final double PADDING = 16;

    private final ObservableList<HubSection> sections;
    private final TileActions actions;
    private final Runnable openDocs;
    private final ListView<HubRow> list = new ListView<>();
    /** Each tile's view, made when its row first comes into view, kept while the tiles stay the same. */
    private final Map<TileModel, TileView> views = new IdentityHashMap<>();
    private int perRow = 1;

    /**
     * @param openDocs opens Airbyte's connector docs in the browser, offered when a search finds nothing
     */
    TileList(ObservableList<HubSection> sections, TileActions actions, Runnable openDocs) {
        this.sections = sections;
        this.actions = actions;
        this.openDocs = openDocs;
        list.setId("hub-list");
        list.getStyleClass().add("tile-list");
        list.setFocusTraversable(false);
        list.setCellFactory(view -> new RowCell());
        list.widthProperty().subscribe(width -> {
            int fits = Math.max(1, (int) ((width.doubleValue() - 2 * PADDING - 20 + GAP) / (TileView.WIDTH + GAP)));
            if (fits != perRow) {
                perRow = fits;
                showRows();
            }
        });
        sections.addListener((ListChangeListener<HubSection>) change -> showRows());
        showRows();
    }

    Region root() {
        return list;
    }

    /** Forgets the views of tiles no longer listed (another business's tiles). */
    void forgetViewsBut(List<TileModel> tiles) {
        Set<TileModel> keep = Collections.newSetFromMap(new IdentityHashMap<>());
        keep.addAll(tiles);
        views.keySet().retainAll(keep);
    }

    /**
     * Shows the sections' rows, changing only the rows that differ: a keystroke that leaves the matches
     * as they were redraws the heading alone.
     */
    private void showRows() {
        List<HubRow> next = HubRow.of(sections, perRow);
        ObservableList<HubRow> shown = list.getItems();
        int common = Math.min(shown.size(), next.size());
        for (int i = 0; i < common; i++) {
            if (!shown.get(i).equals(next.get(i))) {
                shown.set(i, next.get(i));
            }
        }
        if (shown.size() > next.size()) {
            shown.remove(next.size(), shown.size());
        } else if (next.size() > shown.size()) {
            shown.addAll(next.subList(shown.size(), next.size()));
        }
    }

    /** Scrolls so that the row holding the provider's tile is in view; false when no row holds it. */
    boolean scrollTo(String providerId) {
        for (int i = 0; i < list.getItems().size(); i++) {
            if (list.getItems().get(i).shows(providerId)) {
                list.scrollTo(i);
                return true;
            }
        }
        return false;
    }

    private Node view(TileModel tile) {
        return views.computeIfAbsent(tile, t -> new TileView(t, actions)).root();
    }

    /** A row: a heading, tiles side by side at equal widths, or an empty section's words. */
    private final class RowCell extends ListCell<HubRow> {
        RowCell() {
            getStyleClass().add("tile-row");
            setPrefWidth(0); // rows take the list's width, never widen it
        }

        @Override
        protected void updateItem(HubRow row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            setGraphic(empty || row == null ? null : switch (row) {
                case HubRow.Heading heading -> heading(heading.section());
                case HubRow.Empty none -> emptyState(none);
                case HubRow.Tiles tiles -> tiles(tiles.tiles());
            });
        }

        private Node heading(HubSection section) {
            Label title = new Label(section.title());
            title.getStyleClass().add("section-title");
            title.setId("section-" + section.id());
            Label subtitle = new Label(section.subtitle());
            subtitle.getStyleClass().add("section-subtitle");
            VBox heading = new VBox(2, title, subtitle);
            heading.getStyleClass().add("section-heading");
            return heading;
        }

        private Node emptyState(HubRow.Empty empty) {
            Label words = new Label(empty.text());
            words.setId("hub-empty");
            words.getStyleClass().add("hub-empty");
            words.setWrapText(true);
            words.setMinHeight(Region.USE_PREF_SIZE);
            if (!empty.search()) {
                return words;
            }
            Hyperlink docs = new Hyperlink("Browse Airbyte's connector docs");
            docs.setId("hub-connector-docs");
            docs.setOnAction(e -> openDocs.run());
            return new VBox(4, words, docs);
        }

        private Node tiles(List<TileModel> tiles) {
            HBox row = new HBox(GAP);
            row.setAlignment(Pos.TOP_LEFT);
            row.setFillHeight(true);
            for (int i = 0; i < perRow; i++) {
                Node node = i < tiles.size() ? view(tiles.get(i)) : new Region();
                if (node instanceof Region region) {
                    region.setMaxWidth(Double.MAX_VALUE);
                    region.setMinWidth(0);
                    region.setPrefWidth(TileView.WIDTH);
                }
                HBox.setHgrow(node, Priority.ALWAYS);
                row.getChildren().add(node);
            }
            return row;
        }
    }
}
