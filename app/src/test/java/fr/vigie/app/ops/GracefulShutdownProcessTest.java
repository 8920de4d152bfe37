package fr.vigie.app.ops;

import fr.vigie.aggregator.store.SqliteStore;
import fr.vigie.probes.StepResult;
import fr.vigie.simulator.LoopbackPorts;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM to a real {@code vigie run}: the journey in flight at the signal finishes and is reported, and every
 * result the probes published (the trace) is in the store once the process has exited.
 */
class GracefulShutdownProcessTest {
    @TempDir
    Path dir;

    @Test
    void sigtermLetsJourneysInFlightFinishAndLosesNoResult() throws Exception {
        Vertx vertx = Vertx.vertx();
        AtomicInteger slowInFlight = new AtomicInteger();
        // svc-slow answers after 1.5 s, so a journey is in flight when the signal comes.
        HttpServer slow = vertx.createHttpServer().requestHandler(req -> {
            slowInFlight.incrementAndGet();
            vertx.setTimer(1500, id -> req.response().end("<html>Vigie control</html>")
                    .onComplete(done -> slowInFlight.decrementAndGet()));
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        HttpServer fast = vertx.createHttpServer().requestHandler(req -> req.response().end("<html>Vigie control</html>"))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        List<Integer> ports = LoopbackPorts.free(2);
        Path config = dir.resolve("vigie.yaml");
        Files.writeString(config, """
                site: {output: %1$s/site, listen: "127.0.0.1:%2$d"}
                storage: {type: embedded, path: %1$s/vigie.db}
                schedules: {fast: {every: 1s}, slow: {every: 5s}}
                targets:
                  - {id: svc-fast, name: Fast, kind: control, hosting-group: a, base-url: "http://127.0.0.1:%3$d",
                     journey: control, schedule: fast}
                  - {id: svc-slow, name: Slow, kind: control, hosting-group: b, base-url: "http://127.0.0.1:%4$d",
                     journey: control, schedule: slow}
                alerts:
                  admin: {listen: "127.0.0.1:%5$d", token: "${VIGIE_ADMIN_TOKEN}"}
                """.formatted(dir, ports.get(0), fast.actualPort(), slow.actualPort(), ports.get(1)));
        try (VigieProcess vigie = VigieProcess.run(config, dir, "shutdown-test-token")) {
            vigie.await("three results of svc-fast", Duration.ofSeconds(60),
                    () -> vigie.traceLines().stream().filter(l -> l.contains("svc-fast")).count() >= 3);
            // The next slow request: the signal goes while its journey is in flight.
            vigie.await("a request of svc-slow in flight", Duration.ofSeconds(30), () -> slowInFlight.get() > 0);
            Instant signalled = Instant.now();
            long beforeSignal = vigie.traceLines().stream().filter(l -> l.contains("svc-slow")).count();
            vigie.signal("TERM");
            assertThat(vigie.process.waitFor(60, TimeUnit.SECONDS)).as("exits after SIGTERM").isTrue();

            List<String> trace = vigie.traceLines();
            assertThat(trace.stream().filter(l -> l.contains("svc-slow")).count())
                    .as("the journey in flight at the signal finished and was reported, not cut")
                    .isGreaterThan(beforeSignal);
            assertThat(vigie.logText()).contains("stopping: journeys in flight finish")
                    .doesNotContain("journeys still running");

            Set<String> published = new HashSet<>();
            for (String line : trace) {
                JsonObject j = new JsonObject(line);
                published.add(j.getString("target") + "/" + j.getString("run") + "/" + j.getString("step"));
            }
            Set<String> stored = new HashSet<>();
            try (SqliteStore store = new SqliteStore(dir.resolve("vigie.db"))) {
                for (String target : List.of("svc-fast", "svc-slow")) {
                    for (StepResult r : store.results(target, Instant.EPOCH, signalled.plusSeconds(3600))) {
                        stored.add(r.target() + "/" + r.run() + "/" + r.step());
                    }
                }
            }
            assertThat(published).hasSizeGreaterThanOrEqualTo(4);
            assertThat(stored).as("every published result is in the store after the exit").containsAll(published);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
