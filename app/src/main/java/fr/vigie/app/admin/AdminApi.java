package fr.vigie.app.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializerBase;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.vigie.aggregator.Aggregator;
import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.IncidentEvent;
import fr.vigie.aggregator.Status;
import fr.vigie.alerts.silence.Silence;
import fr.vigie.alerts.silence.SilenceMatcher;
import fr.vigie.alerts.silence.SilenceRegistry;
import fr.vigie.config.Addresses;
import fr.vigie.config.Secret;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The crisis cell's authenticated API, on its own listener (never the public site's):
 * post an update on an incident, and manage alert silences.
 *
 * <pre>
 * GET    /livez                        (no token) 200 while the process answers
 * GET    /readyz                       (no token) 200 ready / 503 not ready, with the checks
 * GET    /metrics                      Prometheus exposition
 * POST   /api/reload                   re-reads the configuration file: 202, or 422 with every error
 * GET    /api/health                   as /readyz
 * GET    /api/incidents
 * POST   /api/incidents/{id}/updates   {"author","message","status"?,"cause"?}
 * GET    /api/silences
 * POST   /api/silences                 {"createdBy","comment","until","matchers":[{"label","value"}]}
 * DELETE /api/silences/{id}
 * </pre>
 * Every route but the two health checks needs {@code Authorization: Bearer <alerts.admin.token>}; a client that
 * sent too many wrong tokens is refused (429) for a while.
 */
public final class AdminApi {
    private static final Logger LOG = LoggerFactory.getLogger(AdminApi.class);
    private static final int MAX_BODY_BYTES = 16 * 1024;

    private final Vertx vertx;
    private final Aggregator aggregator;
    private final SilenceRegistry silences;
    private final byte[] token;
    private final Ops ops;
    private final AuthFailureLimiter limiter;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .registerModule(wireNames())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** Status and cause as the crisis cell reads them everywhere else ("partial_outage", "storage"). */
    private static SimpleModule wireNames() {
        SimpleModule m = new SimpleModule("vigie-wire-names");
        m.addSerializer(Status.class, new ToStringSerializerBase(Status.class) {
            @Override
            public String valueToString(Object value) {
                return ((Status) value).wire();
            }
        });
        m.addSerializer(Cause.class, new ToStringSerializerBase(Cause.class) {
            @Override
            public String valueToString(Object value) {
                return ((Cause) value).wire();
            }
        });
        return m;
    }

    /**
     * What the admin listener exposes besides incidents and silences.
     *
     * @param readiness what /readyz answers (null: always ready)
     * @param metrics   the Prometheus text (null: no /metrics)
     * @param reloader  re-reads the configuration (null: no /api/reload)
     */
    public record Ops(fr.vigie.app.ops.Readiness readiness, java.util.function.Supplier<String> metrics,
                      Reloader reloader) {
        public static Ops none() {
            return new Ops(null, null, null);
        }
    }

    /** Reloads the configuration: validation first; {@code apply} runs only for a valid file. */
    public interface Reloader {
        Prepared prepare();

        /** @param errors every error of the new file (empty: valid); {@code apply} swaps it in */
        record Prepared(List<String> errors, Runnable apply) {
        }
    }

    private AdminApi(Vertx vertx, Aggregator aggregator, SilenceRegistry silences, Secret token, Ops ops,
                     AuthFailureLimiter limiter) {
        this.vertx = vertx;
        this.aggregator = aggregator;
        this.silences = silences;
        this.token = token.reveal().getBytes(StandardCharsets.UTF_8);
        this.ops = ops;
        this.limiter = limiter;
    }

    /**
     * Starts the admin listener, or does nothing (with a log line) when no token is configured:
     * an unauthenticated admin API is never opened.
     */
    public static Future<Optional<HttpServer>> start(Vertx vertx, String listen, Secret token, Aggregator aggregator,
                                                     SilenceRegistry silences) {
        return start(vertx, listen, token, aggregator, silences, Ops.none());
    }

    /** As above, with health checks, metrics and reload. */
    public static Future<Optional<HttpServer>> start(Vertx vertx, String listen, Secret token, Aggregator aggregator,
                                                     SilenceRegistry silences, Ops ops) {
        return start(vertx, listen, token, aggregator, silences, ops, AuthFailureLimiter.defaults());
    }

    static Future<Optional<HttpServer>> start(Vertx vertx, String listen, Secret token, Aggregator aggregator,
                                              SilenceRegistry silences, Ops ops, AuthFailureLimiter limiter) {
        if (token == null || token.isEmpty()) {
            LOG.info("admin API disabled: alerts.admin.token is not set");
            return Future.succeededFuture(Optional.empty());
        }
        AdminApi api = new AdminApi(vertx, aggregator, silences, token, ops, limiter);
        HostPort hp = HostPort.parse(listen);
        if (!Addresses.isLoopback(hp.host())) {
            // plain HTTP: the Bearer token would cross the network in clear
            LOG.warn("admin API listens on {} in plain HTTP: keep it on loopback or behind a TLS reverse proxy",
                    hp.host());
        }
        return vertx.createHttpServer().requestHandler(api.router()).listen(hp.port(), hp.host())
                .onSuccess(s -> LOG.info("admin API listening on {}:{}", hp.host(), s.actualPort()))
                .map(Optional::of);
    }

    Router router() {
        Router r = Router.router(vertx);
        // Health checks first: a load balancer probes them without the token.
        r.get("/livez").handler(ctx -> ctx.json(new JsonObject().put("status", "ok")));
        r.get("/readyz").handler(this::readiness);
        r.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
        r.route().handler(this::authenticate);
        r.get("/api/health").handler(this::readiness);
        r.get("/metrics").handler(this::metrics);
        r.post("/api/reload").handler(this::reload);
        r.get("/api/incidents").handler(this::incidents);
        r.post("/api/incidents/:id/updates").handler(this::postUpdate);
        r.get("/api/silences").handler(ctx -> ctx.json(silencesJson(silences.list())));
        r.post("/api/silences").handler(this::addSilence);
        // Silences are written to SQLite: off the event loop.
        r.delete("/api/silences/:id").handler(ctx -> vertx.executeBlocking(() -> silences.expire(ctx.pathParam("id")))
                .onSuccess(found -> ctx.response().setStatusCode(found ? 204 : 404).end())
                .onFailure(ctx::fail));
        r.route().last().handler(ctx -> ctx.response().setStatusCode(404).end());
        return r;
    }

    private void authenticate(RoutingContext ctx) {
        String client = ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().host();
        java.time.Duration wait = limiter.retryAfter(client);
        if (!wait.isZero() && !wait.isNegative()) {
            ctx.response().setStatusCode(429)
                    .putHeader("Retry-After", Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000))).end();
            return;
        }
        String header = ctx.request().getHeader("Authorization");
        byte[] given = header != null && header.startsWith("Bearer ")
                ? header.substring(7).getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (MessageDigest.isEqual(given, token)) {
            limiter.succeeded(client);
            ctx.next();
        } else {
            limiter.failed(client);
            LOG.warn("admin API: wrong or missing token from {}", client);
            ctx.response().setStatusCode(401).putHeader("WWW-Authenticate", "Bearer").end();
        }
    }

    private void readiness(RoutingContext ctx) {
        if (ops.readiness() == null) {
            ctx.json(new JsonObject().put("status", "ready"));
            return;
        }
        JsonObject detail = ops.readiness().json();
        ctx.response().setStatusCode(ops.readiness().ready() ? 200 : 503)
                .putHeader("Content-Type", "application/json").end(detail.encode());
    }

    private void metrics(RoutingContext ctx) {
        if (ops.metrics() == null) {
            ctx.response().setStatusCode(404).end();
            return;
        }
        vertx.executeBlocking(() -> ops.metrics().get())
                .onSuccess(text -> ctx.response().putHeader("Content-Type", fr.vigie.app.ops.VigieMetrics.contentType())
                        .end(text))
                .onFailure(ctx::fail);
    }

    /** Validates the file off the event loop; answers before the swap, which closes this listener for a moment. */
    private void reload(RoutingContext ctx) {
        if (ops.reloader() == null) {
            ctx.response().setStatusCode(404).end();
            return;
        }
        vertx.executeBlocking(() -> ops.reloader().prepare())
                .onSuccess(p -> {
                    if (!p.errors().isEmpty()) {
                        ctx.response().setStatusCode(422).putHeader("Content-Type", "application/json")
                                .end(new JsonObject().put("status", "refused").put("errors", new JsonArray(p.errors()))
                                        .encode());
                        return;
                    }
                    ctx.response().setStatusCode(202).putHeader("Content-Type", "application/json")
                            .end(new JsonObject().put("status", "reloading").encode())
                            .onComplete(done -> p.apply().run());
                })
                .onFailure(ctx::fail);
    }

    private void incidents(RoutingContext ctx) {
        vertx.executeBlocking(() -> json.writeValueAsString(aggregator.incidents()))
                .onSuccess(body -> ctx.response().putHeader("Content-Type", "application/json").end(body))
                .onFailure(ctx::fail);
    }

    private void postUpdate(RoutingContext ctx) {
        JsonObject body;
        Optional<Status> status;
        Optional<Cause> cause;
        try {
            body = ctx.body().asJsonObject();
            if (body == null || isBlank(body.getString("author")) || isBlank(body.getString("message"))) {
                badRequest(ctx, "author and message are required");
                return;
            }
            status = Optional.ofNullable(body.getString("status")).map(Status::fromWire);
            cause = Optional.ofNullable(body.getString("cause")).map(Cause::fromWire);
        } catch (RuntimeException e) {
            badRequest(ctx, "invalid body: expected {author, message, status?, cause?} with Statuspage status and "
                    + "Vigie cause vocabularies");
            return;
        }
        String id = ctx.pathParam("id");
        vertx.executeBlocking(() -> aggregator.postUpdate(id, body.getString("author"), body.getString("message"),
                        status, cause))
                .onSuccess(event -> respondEvent(ctx, event))
                .onFailure(e -> {
                    if (e instanceof IllegalArgumentException || e instanceof java.util.NoSuchElementException) {
                        ctx.response().setStatusCode(404).end(new JsonObject().put("error", "unknown incident").encode());
                    } else {
                        ctx.fail(e);
                    }
                });
    }

    private void respondEvent(RoutingContext ctx, IncidentEvent event) {
        try {
            ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json")
                    .end(json.writeValueAsString(event));
        } catch (Exception e) {
            ctx.fail(e);
        }
    }

    private void addSilence(RoutingContext ctx) {
        try {
            JsonObject body = ctx.body().asJsonObject();
            List<SilenceMatcher> matchers = new ArrayList<>();
            JsonArray array = body.getJsonArray("matchers", new JsonArray());
            for (int i = 0; i < array.size(); i++) {
                JsonObject m = array.getJsonObject(i);
                matchers.add(new SilenceMatcher(m.getString("label"), m.getString("value")));
            }
            if (isBlank(body.getString("createdBy")) || isBlank(body.getString("comment"))) {
                badRequest(ctx, "createdBy and comment are required");
                return;
            }
            String who = body.getString("createdBy");
            String why = body.getString("comment");
            Instant until = Instant.parse(body.getString("until"));
            vertx.executeBlocking(() -> json.writeValueAsString(silences.add(who, why, until, matchers)))
                    .onSuccess(s -> ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json").end(s))
                    .onFailure(e -> badRequest(ctx, "invalid silence: " + e.getMessage()));
        } catch (Exception e) {
            badRequest(ctx, "invalid silence: " + e.getMessage());
        }
    }

    private JsonArray silencesJson(List<Silence> list) {
        try {
            return new JsonArray(json.writeValueAsString(list));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void badRequest(RoutingContext ctx, String message) {
        ctx.response().setStatusCode(400).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", message).encode());
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
