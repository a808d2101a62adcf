package dev.onramp.ui.hub;

import java.util.List;

/**
 * One titled group of tiles in the hub ("Recommended for Demo Coffee Roasters", "Connected", "All
 * providers", or a search's matches); {@code empty} says what to do when it has no tile.
 */
public record HubSection(String id, String title, String subtitle, List<TileModel> tiles, String empty) {
    public HubSection {
        tiles = List.copyOf(tiles);
    }
}
