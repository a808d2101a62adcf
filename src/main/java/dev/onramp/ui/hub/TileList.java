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
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;

/**
 * The hub's sections as a virtual list of rows: only the rows in view exist as nodes, so the whole
 * catalog costs no more to show than a screenful; as many tiles go to a row as the width holds
 * ({@link TileGrid}), and they share the row's whole width.
 */
final class TileList {
    private static final TileGrid GRID = TileGrid.HUB;
    /** A row's padding on either side (the tile-row style's), and room for the list's scroll bar. */
    private static final double PADDING = 16;
    private static final double SCROLL_BAR = 16;

    private final ObservableList<HubSection> sections;
    private final TileActions actions;
    private final Runnable openDocs;
    private final ListView<HubRow> list = new ListView<>();
    /** Each tile's view, made when its row first comes into view, kept while the tiles stay the same. */
    private final Map<TileModel, TileView> views = new IdentityHashMap<>();
    private int perRow = 1;
    /** The size of the rows' text, which the tiles' widths are measured in; the cells' font says it once styled. */
    private double em = Font.getDefault().getSize();

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
        list.widthProperty().subscribe(width -> fitColumns());
        sections.addListener((ListChangeListener<HubSection>) change -> showRows());
        showRows();
    }

    Region root() {
        return list;
    }

    /** How many tiles a row shows now. */
    int columns() {
        return perRow;
    }

    /** Shows as many tiles to a row as the list's width holds at the text's size. */
    private void fitColumns() {
        double room = list.getWidth() - 2 * PADDING - SCROLL_BAR;
        int fits = room <= 0 ? perRow : GRID.columns(room, em);
        if (fits != perRow) {
            perRow = fits;
            showRows();
            // A row whose tiles stay the same (a section of one) is drawn again with the new count's slots.
            list.refresh();
        }
    }

    /** The rows' text changed size (the system's font size, a larger font chosen): the columns follow. */
    private void textSized(Font font) {
        if (font != null && font.getSize() != em) {
            em = font.getSize();
            fitColumns();
        }
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

    private static final String TILES = "tile-row-tiles";

    /** A row: a heading, tiles side by side at equal widths, or an empty section's words. */
    private final class RowCell extends ListCell<HubRow> {
        RowCell() {
            getStyleClass().add("tile-row");
            setPrefWidth(0); // rows take the list's width, never widen it
            fontProperty().subscribe(TileList.this::textSized);
            widthProperty().subscribe(this::fillWidth);
            paddingProperty().subscribe(this::fillWidth);
        }

        /** Gives a row of tiles the cell's whole inner width, shared equally by its tiles. */
        private void fillWidth() {
            if (!(getGraphic() instanceof HBox row) || !row.getStyleClass().contains(TILES)) {
                return;
            }
            double room = Math.max(0, getWidth() - snappedLeftInset() - snappedRightInset());
            if (room == 0) {
                return;
            }
            double width = GRID.tileWidth(room, row.getChildren().size());
            row.setPrefWidth(room);
            row.setMaxWidth(room);
            for (Node node : row.getChildren()) {
                if (node instanceof Region tile) {
                    tile.setMinWidth(width);
                    tile.setPrefWidth(width);
                    tile.setMaxWidth(width);
                }
            }
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
            fillWidth();
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

        /** The row's tiles, and empty slots after a section's last ones, so that every tile has the same width. */
        private Node tiles(List<TileModel> tiles) {
            HBox row = new HBox(GRID.gap());
            row.getStyleClass().add(TILES);
            row.setAlignment(Pos.TOP_LEFT);
            row.setFillHeight(true);
            for (int i = 0; i < perRow; i++) {
                row.getChildren().add(i < tiles.size() ? view(tiles.get(i)) : new Region());
            }
            return row;
        }
    }
}
