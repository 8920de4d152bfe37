package fr.vigie.subscriptions;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real webhook receiver on 127.0.0.1 (JDK HttpServer) written from the specifications, not from Vigie's code: it
 * answers the WebSub verification GET and checks every POST's Standard Webhooks v1 signature itself.
 */
final class WebhookReceiver implements AutoCloseable {
    enum Challenge { ECHO, WRONG, NOT_FOUND, DOWN }

    /** One POST as received: its headers, its raw body, whether the signature held and what was answered. */
    record Delivery(String id, String timestamp, String signature, String body, boolean signatureValid, int answered) {
    }

    final HttpServer server;
    final BlockingQueue<Map<String, String>> verifications = new LinkedBlockingQueue<>();
    final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
    final AtomicInteger requests = new AtomicInteger();
    volatile Challenge challenge = Challenge.ECHO;
    /** the verification GET waits for this latch, when set: events sent meanwhile must not reach us */
    volatile CountDownLatch holdVerification;
    /** this many POSTs are answered 503 first (an outage) */
    final AtomicInteger failNext = new AtomicInteger();
    volatile String secret;

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void handle(HttpExchange x) throws IOException {
        requests.incrementAndGet();
        try (x) {
            if (x.getRequestMethod().equals("GET")) {
                Map<String, String> query = query(x.getRequestURI().getRawQuery());
                CountDownLatch hold = holdVerification;
                if (hold != null) {
                    try {
                        hold.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                verifications.add(query);
                switch (challenge) {
                    case ECHO -> answer(x, 200, query.getOrDefault("hub.challenge", ""));
                    case WRONG -> answer(x, 200, "ok");
                    case NOT_FOUND -> answer(x, 404, "");
                    case DOWN -> answer(x, 503, "");
                }
                return;
            }
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = x.getRequestHeaders().getFirst("webhook-id");
            String ts = x.getRequestHeaders().getFirst("webhook-timestamp");
            String sig = x.getRequestHeaders().getFirst("webhook-signature");
            boolean valid = verify(secret, id, ts, body, sig);
            int code = failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : valid ? 204 : 401;
            deliveries.add(new Delivery(id, ts, sig, body, valid, code));
            answer(x, code, "");
        }
    }

    /** Standard Webhooks v1, from the spec: HMAC-SHA256 of "id.timestamp.body", key base64 after "whsec_". */
    static boolean verify(String whsec, String id, String ts, String body, String header) {
        if (whsec == null || id == null || ts == null || header == null) {
            return false;
        }
        try {
            if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(ts)) > 300) {
                return false;
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(whsec.substring("whsec_".length())), "HmacSHA256"));
            byte[] expected = mac.doFinal((id + "." + ts + "." + body).getBytes(StandardCharsets.UTF_8));
            for (String s : header.split(" ")) {
                if (s.startsWith("v1,") && MessageDigest.isEqual(expected, Base64.getDecoder().decode(s.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    private static void answer(HttpExchange x, int code, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            x.getResponseBody().write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    List<Delivery> drain() {
        List<Delivery> out = new java.util.ArrayList<>();
        deliveries.drainTo(out);
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
