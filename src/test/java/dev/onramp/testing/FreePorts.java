package dev.onramp.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Finds loopback ports that are free now, so tests of fixed redirect ports stay clear of the default range. */
public final class FreePorts {
    private FreePorts() {}

    /** The first of {@code count} consecutive ports on 127.0.0.1 that are free now. */
    public static int range(int count) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int first;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
                first = probe.getLocalPort();
            }
            boolean free = first + count <= 65535;
            for (int port = first; port < first + count && free; port++) {
                try (ServerSocket probe = hold(port)) {
                    free = probe.isBound();
                } catch (IOException taken) {
                    free = false;
                }
            }
            if (free) {
                return first;
            }
        }
        throw new IOException("No range of " + count + " free ports found");
    }

    /** Listens on 127.0.0.1:{@code port}, as another program holding it would. */
    public static ServerSocket hold(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
        return socket;
    }
}
