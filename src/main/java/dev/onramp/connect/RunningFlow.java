package dev.onramp.connect;

/** A flow {@link ConnectService} runs (a connect or a reconnect), as another flow for the same provider replaces it. */
interface RunningFlow extends ConnectFlow {
    /** The provider's name, for the sentence that says a newer attempt replaced this one. */
    String providerName();

    /** Cancels with the sentence the flow's end will show. */
    void cancel(String why);
}
