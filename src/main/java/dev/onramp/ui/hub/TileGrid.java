package dev.onramp.ui.hub;

/**
 * How the hub's tiles share a row's width: as many columns as tiles of the least width fit, never a
 * tile wider than the most, and the row's tiles at one width that fills it; both widths are in ems, so
 * tiles grow with the text.
 */
record TileGrid(double minEms, double maxEms, double gap) {
    /** The hub's grid: tiles from 22 to 44 ems wide, 16 pixels apart. */
    static final TileGrid HUB = new TileGrid(22, 44, 16);

    TileGrid {
        if (minEms <= 0 || maxEms < minEms || gap < 0) {
            throw new IllegalArgumentException("A tile grid needs 0 < min ≤ max and a gap of 0 or more");
        }
    }

    /** The columns a row of {@code width} pixels holds with text of {@code em} pixels; at least one. */
    int columns(double width, double em) {
        double least = minEms * em;
        double most = maxEms * em;
        int fit = (int) Math.floor((width + gap) / (least + gap));
        int needed = (int) Math.ceil((width + gap) / (most + gap));
        return Math.max(1, Math.max(fit, needed));
    }

    /** The width of each of {@code columns} tiles that fill a row of {@code width} pixels. */
    double tileWidth(double width, int columns) {
        return Math.max(0, (width - gap * (columns - 1)) / columns);
    }
}
