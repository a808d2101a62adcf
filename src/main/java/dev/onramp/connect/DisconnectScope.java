package dev.onramp.connect;

/** What a disconnect removes: the source in Airbyte and the connection in Onramp, or the connection alone. */
public enum DisconnectScope {
    /** Deletes the source in Airbyte, then marks the connection disconnected. */
    AIRBYTE_AND_ONRAMP,
    /** Marks the connection disconnected without asking Airbyte; the source stays there. */
    ONRAMP_ONLY
}
