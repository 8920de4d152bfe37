package fr.vigie.alerts.support;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A real HTTP receiver on 127.0.0.1 (Vert.x) standing in for a webhook, Slack, Mattermost or Matrix endpoint:
 * records every request and answers with a scripted reply.
 */
public final class Receiver implements AutoCloseable {
    /** One request as received. */
    public record Hit(int index, String method, String path, MultiMap headers, String body, int answeredCode,
                      long receivedNanos) {
        public String header(String name) {
            return headers.get(name);
        }
    }

    /** What to answer; {@code delay} is applied by a Vert.x timer before answering. */
    public record Reply(int code, String body, Duration delay, String retryAfter) {
        public static Reply ok(String body) {
            return new Reply(200, body, Duration.ZERO, null);
        }

        public static Reply status(int code) {
            return new Reply(code, "", Duration.ZERO, null);
        }

        public static Reply slow(Duration delay) {
            return new Reply(200, "ok", delay, null);
        }
    }

    private final Vertx vertx;
    private final int port;
    private volatile HttpServer server;
    private final List<Hit> hits = new CopyOnWriteArrayList<>();
    private final AtomicInteger count = new AtomicInteger();
    private volatile Function<Integer, Reply> replies;

    private Receiver(Vertx vertx, Function<Integer, Reply> replies) throws Exception {
        this.vertx = vertx;
        this.replies = replies;
        this.server = listen(0);
        this.port = server.actualPort();
    }

    private HttpServer listen(int on) throws Exception {
        return vertx.createHttpServer().requestHandler(this::handle)
                .listen(on, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** The receiver goes down: its port is closed, so a connection is refused (an outage, not an error answer). */
    public void stop() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** The receiver comes back on the same port; returns {@link System#nanoTime()} once it accepts connections. */
    public long restart() throws Exception {
        server = listen(port);
        return System.nanoTime();
    }

    public static Receiver start(Vertx vertx, Function<Integer, Reply> replies) throws Exception {
        return new Receiver(vertx, replies);
    }

    public static Receiver ok(Vertx vertx) throws Exception {
        return new Receiver(vertx, i -> Reply.ok("ok"));
    }

    public void answer(Function<Integer, Reply> replies) {
        this.replies = replies;
    }

    private void handle(HttpServerRequest req) {
        long received = System.nanoTime();
        req.body().onSuccess(buf -> {
            int i = count.getAndIncrement();
            Reply r = replies.apply(i);
            Runnable answer = () -> {
                hits.add(new Hit(i, req.method().name(), req.path(), MultiMap.caseInsensitiveMultiMap().addAll(req.headers()),
                        buf.toString(), r.code(), received));
                var resp = req.response().setStatusCode(r.code());
                if (r.retryAfter() != null) resp.putHeader("Retry-After", r.retryAfter());
                resp.end(r.body() == null ? "" : r.body());
            };
            if (r.delay().isZero()) answer.run();
            else vertx.setTimer(r.delay().toMillis(), id -> answer.run());
        });
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    public List<Hit> hits() {
        return List.copyOf(hits);
    }

    /** Requests answered 2xx, in order of answer. */
    public List<Hit> accepted() {
        return hits.stream().filter(h -> h.answeredCode() >= 200 && h.answeredCode() < 300).toList();
    }

    @Override
    public void close() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
