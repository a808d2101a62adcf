package dev.onramp.ui.hub;

import dev.onramp.ui.common.UiText;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyEvent;
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
        list.addEventFilter(KeyEvent.KEY_PRESSED, this::moveBetweenTiles);
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

    /**
     * Left and Right move the focus to the neighbouring tile's primary button (on to the next or previous
     * row at a row's end), Up and Down to the tile above or below, scrolling it into view; a drop-down or
     * text field in a tile keeps its arrow keys.
     */
    private void moveBetweenTiles(KeyEvent key) {
        int dx = switch (key.getCode()) {
            case LEFT, KP_LEFT -> -1;
            case RIGHT, KP_RIGHT -> 1;
            default -> 0;
        };
        int dy = switch (key.getCode()) {
            case UP, KP_UP -> -1;
            case DOWN, KP_DOWN -> 1;
            default -> 0;
        };
        if (dx == 0 && dy == 0 || key.isShortcutDown() || key.isAltDown() || key.isShiftDown()
                || key.getTarget() instanceof ComboBoxBase<?> || key.getTarget() instanceof TextInputControl
                || !(key.getTarget() instanceof Node target)) {
            return;
        }
        TileModel from = tileHolding(target);
        if (from == null) {
            return;
        }
        key.consume();
        List<HubRow> rows = list.getItems();
        int row = -1;
        int column = -1;
        for (int i = 0; i < rows.size() && row < 0; i++) {
            if (rows.get(i) instanceof HubRow.Tiles tiles) {
                int at = indexOf(tiles.tiles(), from);
                if (at >= 0) {
                    row = i;
                    column = at;
                }
            }
        }
        if (row < 0) {
            return;
        }
        int toRow = row;
        int toColumn = column + dx;
        List<TileModel> tiles = ((HubRow.Tiles) rows.get(row)).tiles();
        if (dy != 0 || toColumn < 0 || toColumn >= tiles.size()) {
            int step = dy != 0 ? dy : dx;
            toRow = nextTilesRow(row, step);
            if (toRow < 0) {
                return;
            }
            List<TileModel> next = ((HubRow.Tiles) rows.get(toRow)).tiles();
            toColumn = dy != 0 ? Math.min(column, next.size() - 1) : dx > 0 ? 0 : next.size() - 1;
        }
        focusTile(toRow, ((HubRow.Tiles) rows.get(toRow)).tiles().get(toColumn));
    }

    /** The index of the row of tiles {@code step} rows of tiles away from {@code row}, or -1. */
    private int nextTilesRow(int row, int step) {
        for (int i = row + step; i >= 0 && i < list.getItems().size(); i += step) {
            if (list.getItems().get(i) instanceof HubRow.Tiles) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(List<TileModel> tiles, TileModel tile) {
        for (int i = 0; i < tiles.size(); i++) {
            if (tiles.get(i) == tile) {
                return i;
            }
        }
        return -1;
    }

    /** The tile whose view holds {@code node}, or null. */
    private TileModel tileHolding(Node node) {
        for (Node at = node; at != null && at != list; at = at.getParent()) {
            if (at.getStyleClass().contains("tile")) {
                for (Map.Entry<TileModel, TileView> view : views.entrySet()) {
                    if (view.getValue().root() == at) {
                        return view.getKey();
                    }
                }
            }
        }
        return null;
    }

    /** Scrolls the row into view (no further than needed) and focuses the tile's primary button. */
    private void focusTile(int row, TileModel tile) {
        if (list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.scrollTo(row);
        } else {
            list.scrollTo(row);
        }
        list.layout();
        Node primary = TileView.primary(views.computeIfAbsent(tile, t -> new TileView(t, actions)).root());
        if (primary != null) {
            primary.requestFocus();
        }
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
            Hyperlink docs = new Hyperlink(UiText.get("ui.hub.empty.connectorDocs"));
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
