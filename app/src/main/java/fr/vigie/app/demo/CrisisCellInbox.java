package fr.vigie.app.demo;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

import java.io.PrintStream;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The demo's stand-in for the crisis cell's webhook endpoint (demo.yaml's receiver): acknowledges each alert and
 * prints its first line, so the demo shows alerts arriving end to end.
 */
final class CrisisCellInbox {
    private final HttpServer server;
    private final AtomicInteger received;

    private CrisisCellInbox(HttpServer server, AtomicInteger received) {
        this.server = server;
        this.received = received;
    }

    static Future<CrisisCellInbox> start(Vertx vertx, URI url, PrintStream out) {
        AtomicInteger received = new AtomicInteger();
        return vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
            received.incrementAndGet();
            out.println("           alerte    reçue par la cellule de crise : " + summary(body.toString()));
            req.response().setStatusCode(204).end();
        })).listen(url.getPort(), url.getHost()).map(s -> new CrisisCellInbox(s, received));
    }

    private static String summary(String body) {
        try {
            JsonObject json = new JsonObject(body);
            JsonObject data = json.getJsonObject("data", new JsonObject());
            int services = data.getJsonArray("services", new io.vertx.core.json.JsonArray()).size();
            return json.getString("type", "?") + " " + data.getString("incident", "") + " : "
                    + data.getString("status", "") + ("unknown".equals(data.getString("cause"))
                    ? ", cause en cours d'analyse" : ", cause probable " + data.getString("cause", "?"))
                    + ", " + services + " service(s)";
        } catch (RuntimeException e) {
            return body.length() > 140 ? body.substring(0, 140) + "…" : body;
        }
    }

    int received() {
        return received.get();
    }

    Future<Void> close() {
        return server.close();
    }
}
