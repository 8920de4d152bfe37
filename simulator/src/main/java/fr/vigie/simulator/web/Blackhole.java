package fr.vigie.simulator.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * A listening socket with a backlog of one that never accepts, its queue filled by held loopback connections: the
 * kernel then drops new SYNs, so clients' connects time out (an exhausted accept backlog). Blocking: open and close
 * it off the event loop.
 */
final class Blackhole implements AutoCloseable {
    private static final int FILL_ATTEMPTS = 8;
    private static final int FILL_CONNECT_TIMEOUT_MS = 250;

    private final ServerSocket listener;
    private final List<Socket> held;

    private Blackhole(ServerSocket listener, List<Socket> held) {
        this.listener = listener;
        this.held = held;
    }

    static Blackhole open(String host, int port) throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(host, port), 1);
        List<Socket> held = new ArrayList<>();
        // Connect until one connect times out: that proves the accept queue is full.
        for (int i = 0; i < FILL_ATTEMPTS; i++) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(host, port), FILL_CONNECT_TIMEOUT_MS);
                held.add(socket);
            } catch (SocketTimeoutException full) {
                socket.close();
                break;
            }
        }
        return new Blackhole(listener, held);
    }

    @Override
    public void close() {
        for (Socket socket : held) {
            closeQuietly(socket);
        }
        closeQuietly(listener);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing a socket we own on shutdown: nothing to do about a failure
        }
    }
}
