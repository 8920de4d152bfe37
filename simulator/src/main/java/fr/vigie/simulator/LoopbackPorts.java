package fr.vigie.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Free, distinct TCP ports on 127.0.0.1 for a fleet built on the fly (tests, benchmarks). All sockets are held
 * open until every port is chosen, so no two services get the same port: Vert.x would silently share one port
 * between two servers of the same instance, and requests would alternate between two different platforms.
 */
public final class LoopbackPorts {
    private LoopbackPorts() {
    }

    public static List<Integer> free(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
                held.add(s);
                ports.add(s.getLocalPort());
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        } finally {
            for (ServerSocket s : held) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // a socket we just opened: nothing to do about a failed close
                }
            }
        }
    }
}
