package dev.onramp.model;

/** The state of a stored connection as the person sees it. */
public enum ConnectionStatus {
    /** The last check (or the connect) passed. */
    ACTIVE,
    /** The last check failed for a reason other than the sign-in; the error says which. */
    FAILED,
    /** The last check failed because the sign-in expired or was revoked: reconnect. */
    NEEDS_REAUTH,
    /** The Airbyte that held the source no longer has it. */
    MISSING,
    /** The business now uses another Airbyte (or workspace) than the one the source was made in. */
    OTHER_AIRBYTE,
    /** Disconnected by a person: its source deleted in Airbyte (or left there on purpose), its secret wiped; kept for the audit trail. */
    DISCONNECTED
}
