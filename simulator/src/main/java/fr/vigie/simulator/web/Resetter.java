package fr.vigie.simulator.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A listening socket that accepts every connection and resets it at once (SO_LINGER 0 then close sends RST), as an
 * overwhelmed firewall or load balancer does. One daemon thread blocks in accept until the socket is closed.
 */
final class Resetter implements AutoCloseable {
    private final ServerSocket listener;

    private Resetter(ServerSocket listener) {
        this.listener = listener;
    }

    static Resetter open(String host, int port) throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(host, port), 50);
        Thread acceptor = new Thread(() -> resetAll(listener), "sim-reset-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
        return new Resetter(listener);
    }

    private static void resetAll(ServerSocket listener) {
        while (!listener.isClosed()) {
            try (Socket socket = listener.accept()) {
                socket.setSoLinger(true, 0);
            } catch (IOException closedOrFailed) {
                // the listener was closed (fault cleared) or one connection failed: keep going until closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
