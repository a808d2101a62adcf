package dev.onramp.ui.common;

/** Where a connect or credentials dialog stands; each dialog goes through the phases it needs. */
public enum DialogPhase {
    /** Fetching what the dialog will ask for (a connector's credentials form); nothing to type yet. */
    LOADING,
    /** Waiting for what a person types: credentials, or the fields a provider needs before its sign-in; nothing runs. */
    ASKING,
    /** The connect flow runs, and its step is shown. */
    RUNNING,
    /** The flow made the connection; the dialog closes. */
    CONNECTED,
    /**
     * Nothing runs and the dialog cannot go on as it is: the flow ended without a connection, or the
     * form could not be loaded; a message says why.
     */
    ENDED
}
