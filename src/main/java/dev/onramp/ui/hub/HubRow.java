package dev.onramp.ui.hub;

import java.util.List;

/** One row of the hub's list: a section's heading, a row of tiles, or what a section says when it has none. */
public sealed interface HubRow {
    /** Whether this row holds the tile of the provider {@code providerId}. */
    default boolean shows(String providerId) {
        return this instanceof Tiles row && row.tiles().stream().anyMatch(t -> t.provider().id().equals(providerId));
    }

    /** A section's title and subtitle. */
    record Heading(HubSection section) implements HubRow {}

    /** Up to a row's worth of tiles. */
    record Tiles(List<TileModel> tiles) implements HubRow {
        public Tiles {
            tiles = List.copyOf(tiles);
        }
    }

    /** An empty section's words; {@code search} when it is a search's, which offers Airbyte's connector docs. */
    record Empty(String text, boolean search) implements HubRow {}

    /** The rows of {@code sections} with {@code perRow} tiles to a row. */
    static List<HubRow> of(List<HubSection> sections, int perRow) {
        List<HubRow> rows = new java.util.ArrayList<>();
        for (HubSection section : sections) {
            rows.add(new Heading(section));
            if (section.tiles().isEmpty()) {
                rows.add(new Empty(section.empty(), section.id().equals("matches")));
            }
            for (int i = 0; i < section.tiles().size(); i += perRow) {
                rows.add(new Tiles(section.tiles().subList(i, Math.min(i + perRow, section.tiles().size()))));
            }
        }
        return rows;
    }
}
