package dev.onramp.oauth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A connection to 127.0.0.1 driven by hand, for what no well-behaved client sends: nothing at all,
 * a head byte by byte, garbage. Everything the server sends is collected in the background until
 * it closes the connection, so an answer is not lost when writing fails afterwards.
 */
final class RawConnection implements AutoCloseable {
    private final Socket socket;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final CompletableFuture<String> closedByServer = new CompletableFuture<>();

    private RawConnection(Socket socket) {
        this.socket = socket;
        Thread.ofVirtual().name("raw-connection-reader").start(this::readUntilClosed);
    }

    static RawConnection open(int port) throws IOException {
        return new RawConnection(new Socket(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port));
    }

    /** Sends the text (ISO-8859-1) at once. */
    RawConnection send(String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return this;
    }

    /**
     * Sends the text one byte at a time with a pause after each, until all is sent or the server
     * closed the connection; returns how many bytes went out.
     */
    int trickle(String text, Duration pause) throws InterruptedException {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        OutputStream out;
        try {
            out = socket.getOutputStream();
        } catch (IOException e) {
            return 0;
        }
        for (int i = 0; i < bytes.length; i++) {
            if (closedByServer.isDone()) {
                return i;
            }
            try {
                out.write(bytes[i]);
                out.flush();
            } catch (IOException serverClosed) {
                return i;
            }
            Thread.sleep(pause);
        }
        return bytes.length;
    }

    /** Everything the server sent, once it has closed the connection; fails after {@code timeout}. */
    String awaitClose(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            return closedByServer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The status code of the answer the server sent before closing. */
    static int status(String response) {
        if (!response.startsWith("HTTP/1.1 ")) {
            throw new AssertionError("Not an HTTP answer: " + response);
        }
        return Integer.parseInt(response.substring(9, 12));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private void readUntilClosed() {
        try {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                synchronized (received) {
                    received.write(buffer, 0, read);
                }
            }
        } catch (IOException resetOrClosed) {
            // The server reset the connection, or this side closed it: what arrived is kept.
        }
        synchronized (received) {
            closedByServer.complete(received.toString(StandardCharsets.ISO_8859_1));
        }
    }
}
