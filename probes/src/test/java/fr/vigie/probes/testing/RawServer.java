package fr.vigie.probes.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** A raw loopback TCP server for behaviours no HTTP framework will produce (RST mid-response, endless body). */
public final class RawServer implements AutoCloseable {
    /** What to do with one accepted connection. */
    public interface Behaviour {
        void serve(Socket socket) throws IOException;
    }

    private final ServerSocket server;
    private final Thread thread;

    public RawServer(Behaviour behaviour) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    Thread worker = new Thread(() -> {
                        try (s) {
                            behaviour.serve(s);
                        } catch (IOException ignored) {
                            // the prober hung up: expected for hostile behaviours
                        }
                    });
                    worker.setDaemon(true);
                    worker.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "raw-server");
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Reads the request head (up to the blank line). */
    public static void readHead(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        int state = 0;
        int b;
        while ((b = in.read()) != -1) {
            state = (b == '\r' || b == '\n') ? state + 1 : 0;
            if (state == 4) {
                return;
            }
        }
    }

    public static void write(Socket s, String text) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
