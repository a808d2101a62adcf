package dev.onramp.model;

/**
 * What a journaled flow does: brings a connection about (a connect, reconnect or typed-credentials
 * flow), or ends one (a disconnect, ADR 0023).
 */
public enum FlowKind {
    /** Makes a connection, or signs an existing one in again. */
    CONNECT,
    /** Deletes a connection's source in Airbyte and marks the connection disconnected. */
    DISCONNECT
}
