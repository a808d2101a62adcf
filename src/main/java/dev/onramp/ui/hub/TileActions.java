package dev.onramp.ui.hub;

/** What a tile's buttons and links ask the hub to do, one method per action, each for the tile clicked. */
interface TileActions {
    /** Connect: the provider's sign-in, or its credentials form when it takes typed credentials. */
    void connect(TileModel tile);

    /** The link that offers typed credentials instead of the provider's sign-in. */
    void connectWithCredentials(TileModel tile);

    /** Streams: the streams of the tile's connection. */
    void showStreams(TileModel tile);

    /** Reconnect: signs the tile's connection in again. */
    void reconnect(TileModel tile);

    /** Check now: tests the tile's connection again. */
    void checkNow(TileModel tile);

    /** Update credentials…: gives the tile's typed-credential connection new credentials, keeping its source. */
    void updateCredentials(TileModel tile);

    /** Rename…: gives the tile's connection another account label. */
    void rename(TileModel tile);

    /** Disconnect…: asks, then deletes the tile's connection's source in Airbyte and marks it disconnected. */
    void disconnect(TileModel tile);
}
