package dev.onramp.oauth;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Accepts exactly one redirect on 127.0.0.1 whose state matches the pending flow. */
public final class LoopbackReceiver implements AutoCloseable {
    /** Binds 127.0.0.1 on an OS-chosen port and starts the wait, which ends after {@code timeout}. */
    public static LoopbackReceiver open(Duration timeout) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** {@code http://127.0.0.1:<bound port>/oauth-success}. */
    public URI redirectUri() {
        throw new UnsupportedOperationException("not built yet");
    }

    /** Sets the state a callback must carry; callbacks before this are refused. */
    public void expectState(String state) {
        throw new UnsupportedOperationException("not built yet");
    }

    /**
     * Completes with the accepted callback (also one with {@code error=}); exceptionally with
     * {@link CallbackTimeoutException} after the timeout or {@link java.util.concurrent.CancellationException}
     * after {@link #cancel()}.
     */
    public CompletableFuture<CallbackResult> result() {
        throw new UnsupportedOperationException("not built yet");
    }

    public void cancel() {
        throw new UnsupportedOperationException("not built yet");
    }

    @Override
    public void close() {}
}
