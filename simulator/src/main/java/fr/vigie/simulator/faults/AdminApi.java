package fr.vigie.simulator.faults;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * The simulator's admin HTTP API: POST /faults (FaultRequest JSON) -> 201 {"id"}; GET /faults; DELETE /faults/{id};
 * GET /ground-truth (segments so far); GET /stats (per target request counts and per host queues).
 */
public final class AdminApi {
    private final Vertx vertx;
    private final Faults faults;
    private final Supplier<JsonObject> stats;

    public AdminApi(Vertx vertx, Faults faults, Supplier<JsonObject> stats) {
        this.vertx = vertx;
        this.faults = faults;
        this.stats = stats;
    }

    public Future<HttpServer> listen(String host, int port) {
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create(false).setBodyLimit(64 * 1024));
        router.post("/faults").handler(this::inject);
        router.get("/faults").handler(ctx -> reply(ctx, 200, new JsonArray(faults.active().stream()
                .map(FaultView::toJson).toList()).encode()));
        router.delete("/faults/:id").handler(this::clear);
        router.get("/ground-truth").handler(ctx -> reply(ctx, 200, new JsonArray(faults.history().stream()
                .map(GroundTruthRecord::toJson).toList()).encode()));
        router.get("/stats").handler(ctx -> reply(ctx, 200, stats.get().encode()));
        return vertx.createHttpServer().requestHandler(router).listen(port, host);
    }

    private void inject(RoutingContext ctx) {
        FaultRequest request;
        try {
            JsonObject body = ctx.body().asJsonObject();
            if (body == null) {
                throw new IllegalArgumentException("a JSON body is required");
            }
            request = FaultRequest.fromJson(body);
        } catch (RuntimeException e) {
            reply(ctx, 400, new JsonObject().put("error", String.valueOf(e.getMessage())).encode());
            return;
        }
        faults.inject(request)
                .onSuccess(id -> reply(ctx, 201, new JsonObject().put("id", id).encode()))
                .onFailure(e -> reply(ctx, e instanceof IllegalArgumentException ? 400 : 500,
                        new JsonObject().put("error", String.valueOf(e.getMessage())).encode()));
    }

    private void clear(RoutingContext ctx) {
        faults.clear(ctx.pathParam("id"))
                .onSuccess(v -> ctx.response().setStatusCode(204).end())
                .onFailure(e -> reply(ctx, e instanceof NoSuchElementException ? 404 : 500,
                        new JsonObject().put("error", String.valueOf(e.getMessage())).encode()));
    }

    private static void reply(RoutingContext ctx, int status, String json) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(json);
    }
}
