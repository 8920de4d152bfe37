package fr.vigie.probes.testing;

import fr.vigie.config.StepKind;
import fr.vigie.probes.run.JourneyRunner;
import fr.vigie.probes.run.RoundInfo;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

import java.util.List;

/**
 * Runs a few journeys against a local server first: the first requests of a cold JVM load and compile the
 * HTTP stack (close to a second on this shared machine), which would otherwise eat short test deadlines.
 */
public final class Warmup {
    private Warmup() {
    }

    public static void run(Vertx vertx, JourneyRunner runner) {
        HttpServer server = Await.result(vertx.createHttpServer().requestHandler(r -> r.response().end("ok"))
                .listen(0, "127.0.0.1"));
        var journey = Fixtures.journey(Fixtures.get("warm", StepKind.PAGE, "/", Fixtures.expect(List.of(200), "ok", null)));
        var target = Fixtures.target("http://127.0.0.1:" + server.actualPort());
        for (int i = 0; i < 10; i++) {
            Await.result(runner.run(target, journey, RoundInfo.now(), r -> { }));
        }
        Await.result(server.close());
    }
}
