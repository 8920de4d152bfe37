package fr.vigie.probes.run;

import fr.vigie.config.StepKind;
import fr.vigie.probes.Outcome;
import fr.vigie.probes.StepResult;
import fr.vigie.probes.testing.Await;
import fr.vigie.probes.testing.Fixtures;
import fr.vigie.probes.testing.Warmup;
import fr.vigie.probes.testing.RawServer;
import fr.vigie.probes.testing.TestCertificate;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.SelfSignedCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static fr.vigie.probes.testing.Fixtures.expect;
import static fr.vigie.probes.testing.Fixtures.get;
import static org.assertj.core.api.Assertions.assertThat;

/** Each outcome of the taxonomy, produced by a local server that really misbehaves that way. */
class OutcomeTaxonomyTest {
    static final long MAX_BODY = 1_000_000;
    static Vertx vertx;
    static JourneyRunner runner;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        runner = new JourneyRunner(vertx, Fixtures.settings(Fixtures.probing(Duration.ofMillis(1500), MAX_BODY)));
        Warmup.run(vertx, runner);
    }

    @AfterAll
    static void stop() {
        Await.result(runner.close());
        Await.result(vertx.close());
    }

    static StepResult probe(String baseUrl, String path) {
        return probe(baseUrl, path, expect(List.of(), "Bienvenue", null));
    }

    static StepResult probe(String baseUrl, String path, fr.vigie.config.Step.Expect expect) {
        var journey = Fixtures.journey(get("home", StepKind.PAGE, path, expect));
        List<StepResult> r = Await.result(runner.run(Fixtures.target(baseUrl), journey, RoundInfo.now(), x -> { }));
        assertThat(r).hasSize(1);
        return r.get(0);
    }

    static int vertxServer(io.vertx.core.Handler<io.vertx.core.http.HttpServerRequest> handler) {
        HttpServer s = Await.result(vertx.createHttpServer().requestHandler(handler).listen(0, "127.0.0.1"));
        return s.actualPort();
    }

    @Test
    void okOnAHealthyPage() {
        int port = vertxServer(req -> req.response().end("<p>Bienvenue</p>"));
        StepResult r = probe("http://127.0.0.1:" + port, "/");
        assertThat(r.outcome()).isEqualTo(Outcome.OK);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.bytes()).isEqualTo("<p>Bienvenue</p>".length());
    }

    @Test
    void closedPortIsConnectRefused() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        StepResult r = probe("http://127.0.0.1:" + port, "/");
        assertThat(r.outcome()).as(r.detail()).isEqualTo(Outcome.CONNECT_REFUSED);
        assertThat(r.status()).isNull();
        assertThat(r.ttfbMs()).isNull();
    }

    @Test
    void fullAcceptBacklogIsConnectTimeout() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> fillers = new ArrayList<>();
            try {
                // Never accepted: once the backlog is full the kernel drops further SYNs.
                for (int i = 0; i < 8; i++) {
                    Socket s = new Socket();
                    try {
                        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort()), 200);
                        fillers.add(s);
                    } catch (SocketTimeoutException full) {
                        s.close();
                        break;
                    }
                }
                StepResult r = probe("http://127.0.0.1:" + listener.getLocalPort(), "/");
                assertThat(r.outcome()).as(r.detail()).isEqualTo(Outcome.CONNECT_TIMEOUT);
                assertThat(r.totalMs()).isBetween(600.0, 3000.0);
            } finally {
                for (Socket s : fillers) {
                    s.close();
                }
            }
        }
    }

    @Test
    void untrustedSelfSignedCertificateIsTlsFailure() {
        SelfSignedCertificate cert = TestCertificate.localhost();
        {
            HttpServer s = Await.result(vertx.createHttpServer(new HttpServerOptions().setSsl(true)
                            .setKeyCertOptions(cert.keyCertOptions()))
                    .requestHandler(req -> req.response().end("Bienvenue")).listen(0, "127.0.0.1"));
            StepResult r = probe("https://localhost:" + s.actualPort(), "/");
            assertThat(r.outcome()).as(r.detail()).isEqualTo(Outcome.TLS_FAILURE);
            assertThat(r.dnsMs()).as("localhost is answered locally, timed").isNotNull();
            assertThat(r.connectMs()).as("TCP handshake timed on its own").isNotNull();
        }
    }

    @Test
    void serverSilentAfterTcpConnectIsTlsFailureNotConnectTimeout() {
        // accepts the connection, reads the ClientHello and never answers: the stall is in the handshake
        io.vertx.core.net.NetServer silent = Await.result(vertx.createNetServer()
                .connectHandler(socket -> socket.handler(data -> { })).listen(0, "127.0.0.1"));
        StepResult r = probe("https://localhost:" + silent.actualPort(), "/");
        assertThat(r.outcome()).as(r.detail()).isEqualTo(Outcome.TLS_FAILURE);
        assertThat(r.detail()).contains("TLS handshake not finished");
        assertThat(r.connectMs()).as("TCP did connect, and was timed").isNotNull().isLessThan(500.0);
        assertThat(r.tlsMs()).as("the handshake never ended").isNull();
        Await.result(silent.close());
    }

    @Test
    void httpsToAServerSpeakingPlainHttpIsTlsFailure() {
        // answers the ClientHello with an HTTP error page: garbage where a TLS record should be
        int port = vertxServer(req -> req.response().end("Bienvenue"));
        StepResult r = probe("https://localhost:" + port, "/");
        assertThat(r.outcome()).as(r.detail()).isEqualTo(Outcome.TLS_FAILURE);
        assertThat(r.connectMs()).as("TCP did connect").isNotNull();
        assertThat(r.tlsMs()).isNull();
        assertThat(r.totalMs()).as("refused at once, not at the deadline").isLessThan(1000.0);
    }

    @Test
    void resetMidResponseIsReset() throws IOException {
        try (RawServer server = new RawServer(s -> {
            RawServer.readHead(s);
            RawServer.write(s, "HTTP/1.1 200 OK\r\nContent-Length: 10000\r\n\r\n<p>Bienv");
            s.setSoLinger(true, 0);
            s.close();
        })) {
            StepResult r = probe("http://127.0.0.1:" + server.port(), "/");
            assertThat(r.outcome()).as(r.detail()).isEqualTo(Outcome.RESET);
        }
    }

    @Test
    void garbageBytesInsteadOfHttpAreAProtocolErrorNotAReset() throws IOException {
        try (RawServer server = new RawServer(s -> {
            RawServer.readHead(s);
            RawServer.write(s, "\u0016\u0003garbage that is no status line at all\r\n\u0000\u00ff\r\n\r\n");
            s.close();
        })) {
            StepResult r = probe("http://127.0.0.1:" + server.port(), "/");
            assertThat(r.outcome()).as(r.detail()).isEqualTo(Outcome.PROTOCOL_ERROR);
        }
    }

    @Test
    void aServerHangingUpWithoutAnyAnswerIsStillAReset() throws IOException {
        try (RawServer server = new RawServer(s -> {
            RawServer.readHead(s);
            s.setSoLinger(true, 0);
            s.close();
        })) {
            StepResult r = probe("http://127.0.0.1:" + server.port(), "/");
            assertThat(r.outcome()).as(r.detail()).isEqualTo(Outcome.RESET);
        }
    }

    @Test
    void diskFullBodyOn503IsASignature() {
        int port = vertxServer(req -> req.response().setStatusCode(503)
                .end("<h1>Erreur</h1><pre>java.io.IOException: No space left on device</pre>"));
        StepResult r = probe("http://127.0.0.1:" + port, "/");
        assertThat(r.outcome()).isEqualTo(Outcome.SIGNATURE);
        assertThat(r.signature()).isEqualTo("disk_full");
        assertThat(r.status()).isEqualTo(503);
    }

    @Test
    void aJourneyWrittenWrongIsAnAssertionFailureNotACrash() {
        int port = vertxServer(req -> req.response().end("<p>Bienvenue</p>"));
        StepResult r = probe("http://127.0.0.1:" + port, "/", expect(List.of(200), null, "div[[[unclosed"));
        assertThat(r.outcome()).isEqualTo(Outcome.ASSERTION_FAILED);
        assertThat(r.detail()).startsWith("invalid expectation");
    }

    @Test
    void stylesheetsAreNotSearchedForSignatures() {
        int port = vertxServer(req -> req.response().putHeader("Content-Type", "text/css")
                .end(".file-d-attente::after{content:\"file d'attente\"}"));
        StepResult r = probe("http://127.0.0.1:" + port, "/", expect(List.of(200), null, null));
        assertThat(r.outcome()).isEqualTo(Outcome.OK);
        assertThat(r.signature()).isNull();
    }

    @Test
    void plain500IsHttpError() {
        int port = vertxServer(req -> req.response().setStatusCode(500).end("oops"));
        StepResult r = probe("http://127.0.0.1:" + port, "/");
        assertThat(r.outcome()).isEqualTo(Outcome.HTTP_ERROR);
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.detail()).contains("500");
    }

    @Test
    void waitingRoomWith200IsASignatureWithQueueFigures() {
        int port = vertxServer(req -> req.response().end("<h1>Accès temporairement restreint</h1>"
                + "<p>Vous êtes en file d'attente. Position : 57. Temps d'attente estimé : 4 minutes</p>"));
        StepResult r = probe("http://127.0.0.1:" + port, "/", expect(List.of(200), null, null));
        assertThat(r.outcome()).isEqualTo(Outcome.SIGNATURE);
        assertThat(r.signature()).isEqualTo("waiting_room");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.queuePosition()).isEqualTo(57);
        assertThat(r.queueWaitS()).isEqualTo(240);
    }

    @Test
    void redirectLoopIsRedirectLoop() {
        int port = vertxServer(req -> req.response().setStatusCode(302)
                .putHeader("Location", req.path().equals("/a") ? "/b" : "/a").end());
        StepResult r = probe("http://127.0.0.1:" + port, "/a");
        assertThat(r.outcome()).isEqualTo(Outcome.REDIRECT_LOOP);
        assertThat(r.status()).isEqualTo(302);
    }

    @Test
    void fiftyMegabyteBodyIsTooLargeWithBoundedMemory() throws IOException {
        long fifty = 50L * 1024 * 1024;
        try (RawServer server = new RawServer(s -> {
            RawServer.readHead(s);
            RawServer.write(s, "HTTP/1.1 200 OK\r\nContent-Length: " + fifty + "\r\n\r\n");
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'a');
            for (long sent = 0; sent < fifty; sent += chunk.length) {
                s.getOutputStream().write(chunk);
            }
        })) {
            var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long before = allocatedBytes(threads);
            StepResult r = probe("http://127.0.0.1:" + server.port(), "/");
            long allocated = allocatedBytes(threads) - before;
            assertThat(r.outcome()).as(r.toString()).isEqualTo(Outcome.TOO_LARGE);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.bytes()).isGreaterThan(MAX_BODY).isLessThan(fifty);
            // Netty buffers are pooled and our copy stops at the cap: far less than the 50 MB sent.
            assertThat(allocated).as("bytes allocated by the event loops").isLessThan(20L * 1024 * 1024);
        }
    }

    private static long allocatedBytes(com.sun.management.ThreadMXBean threads) {
        long total = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("vert.x-eventloop")) {
                total += Math.max(0, threads.getThreadAllocatedBytes(t.getId()));
            }
        }
        return total;
    }

    @Test
    void oneBytePerSecondDripIsResponseTimeoutWithinTheDeadline() {
        int port = vertxServer(req -> {
            req.response().setChunked(true).write("<p>");
            long timer = vertx.setPeriodic(1000, id -> req.response().write("x"));
            req.connection().closeHandler(v -> vertx.cancelTimer(timer));
        });
        StepResult r = probe("http://127.0.0.1:" + port, "/");
        assertThat(r.outcome()).as(r.detail()).isEqualTo(Outcome.RESPONSE_TIMEOUT);
        assertThat(r.ttfbMs()).as("headers did arrive").isNotNull();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.bytes()).isGreaterThanOrEqualTo(3);
        assertThat(r.totalMs()).isBetween(1400.0, 4000.0);
    }

    @Test
    void unknownNameUnderInvalidIsDnsFailureWithoutLeavingTheMachine() {
        StepResult r = probe("http://ent.vigie-nowhere.invalid", "/");
        assertThat(r.outcome()).isEqualTo(Outcome.DNS_FAILURE);
        assertThat(r.totalMs()).as("answered locally, no resolver round trip").isLessThan(500.0);
        assertThat(r.connectMs()).isNull();
    }

    @Test
    void fast200WithoutTheExpectedTextIsAssertionFailed() {
        int port = vertxServer(req -> req.response().end("<p>Autre chose</p>"));
        StepResult r = probe("http://127.0.0.1:" + port, "/");
        assertThat(r.outcome()).isEqualTo(Outcome.ASSERTION_FAILED);
        assertThat(r.detail()).contains("Bienvenue");
    }

    @Test
    void garbageHtmlIsJustAnAssertionFailure() {
        int port = vertxServer(req -> req.response().end("<<<>><form<<input name=\"\0\">\u0000\uFFFF</html"));
        StepResult r = probe("http://127.0.0.1:" + port, "/", expect(List.of(200), null, "div#portal"));
        assertThat(r.outcome()).isEqualTo(Outcome.ASSERTION_FAILED);
    }
}
