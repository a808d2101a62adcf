package dev.onramp.model;

/** The state of a stored connection as the person sees it. */
public enum ConnectionStatus {
    ACTIVE,
    FAILED,
    NEEDS_REAUTH,
    DISCONNECTED
}
