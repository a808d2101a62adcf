package dev.onramp.oauth;

import java.net.Socket;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.SequencedSet;

/** The loopback connections whose request head has not all arrived yet, oldest first, at most a fixed number of them. */
final class WaitingConnections {
    private final int limit;
    private final SequencedSet<Socket> waiting = new LinkedHashSet<>();

    WaitingConnections(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("At least one connection must be allowed to wait, not " + limit);
        }
        this.limit = limit;
    }

    /**
     * Takes in a newly accepted connection; when the limit is reached, the oldest waiting one is
     * given up to make room and returned, for the caller to close.
     */
    synchronized Optional<Socket> admit(Socket newcomer) {
        Optional<Socket> evicted = waiting.size() >= limit ? Optional.of(waiting.removeFirst()) : Optional.empty();
        waiting.add(newcomer);
        return evicted;
    }

    /**
     * Takes a connection out once its head has arrived or it has ended; false when it was no longer
     * waiting (given up for a newcomer, or already taken out).
     */
    synchronized boolean leave(Socket connection) {
        return waiting.remove(connection);
    }
}
