package fr.vigie.alerts.delivery;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** A receiver answering an endless body costs a few KB and one connection, not a read of the whole. */
class HttpSenderTest {
    @Test
    void anEndlessAnswerIsReadUpToTheBoundAndTheConnectionDropped() throws Exception {
        AtomicLong written = new AtomicLong();
        CompletableFuture<Void> serverDone = new CompletableFuture<>();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             HttpSender sender = new HttpSender(DeliverySettings.defaults())) {
            Thread t = new Thread(() -> serveEndless(server, written, serverDone), "endless-receiver");
            t.setDaemon(true);
            t.start();
            HttpPost post = new HttpPost("http://127.0.0.1:" + server.getLocalPort() + "/hook");
            HttpAnswer answer = CompletableFuture.supplyAsync(() -> {
                try {
                    return sender.exchange(post);
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            }).get(20, TimeUnit.SECONDS);
            assertThat(answer.code()).isEqualTo(500);
            assertThat(answer.body()).hasSize(HttpSender.MAX_BODY_BYTES).startsWith("xxxx");
            serverDone.get(20, TimeUnit.SECONDS); // the receiver saw its connection closed
            assertThat(written.get()).as("bytes the receiver managed to send").isLessThan(64L << 20);
        }
    }

    /** Answers 500 with a declared 8 GB body and writes until the client hangs up. */
    private static void serveEndless(ServerSocket server, AtomicLong written, CompletableFuture<Void> done) {
        try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
            byte[] request = new byte[8192];
            s.getInputStream().read(request); // the POST head; its content is irrelevant here
            out.write(("HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain\r\n"
                    + "Content-Length: 8589934592\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "x".repeat(16 * 1024).getBytes(StandardCharsets.US_ASCII);
            while (written.get() < (8L << 30)) {
                out.write(chunk);
                written.addAndGet(chunk.length);
            }
        } catch (IOException hungUp) {
            // expected: the client closed the connection
        } finally {
            done.complete(null);
        }
    }
}
