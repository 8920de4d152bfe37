package fr.vigie.app;

import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Evidence;
import fr.vigie.aggregator.IncidentEvent;
import fr.vigie.aggregator.Status;
import fr.vigie.aggregator.store.SqliteStore;
import fr.vigie.app.system.VigieSystem;
import fr.vigie.config.ConfigLoader;
import fr.vigie.config.VigieConfig;
import fr.vigie.simulator.LoopbackPorts;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** After a restart, an incident still open in the store reaches the alerts without waiting for a new event. */
class RestartTest {
    @TempDir
    Path dir;

    @Test
    void anIncidentOpenBeforeTheRestartIsToldToTheCrisisCell() throws Exception {
        Vertx vertx = Vertx.vertx();
        BlockingQueue<JsonObject> alerts = new LinkedBlockingQueue<>();
        HttpServer hook = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
            alerts.add(new JsonObject(b.toString()));
            req.response().setStatusCode(204).end();
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        List<Integer> ports = LoopbackPorts.free(3);
        Path file = dir.resolve("restart.yaml");
        // One target on a closed port, probed hourly: no probe result arrives during the test.
        Files.writeString(file, """
                site: {output: %1$s/site, listen: "127.0.0.1:%2$d"}
                storage: {type: embedded, path: %1$s/vigie.db}
                schedules: {hourly: {every: 1h}}
                targets:
                  - {id: ent-a, name: Ent A, kind: ent, hosting-group: host-a, base-url: "http://127.0.0.1:%3$d",
                     journey: control, schedule: hourly}
                alerts:
                  receivers: {cellule: {type: webhook, url: "http://127.0.0.1:%4$d/hook",
                              secret: whsec_ZGVtby1zZWNyZXQtZGVtby1zZWNyZXQ=}}
                  default-receivers: [cellule]
                  group-wait: 1s
                  admin: {listen: "127.0.0.1:%5$d"}
                """.formatted(dir, ports.get(0), ports.get(1), hook.actualPort(), ports.get(2)));
        VigieConfig config = new ConfigLoader(Map.of()).load(file);

        // The previous run opened an incident, then stopped before any alert left.
        try (SqliteStore store = new SqliteStore(dir.resolve("vigie.db"))) {
            store.appendIncidentEvent(new IncidentEvent("2026-11-26-host-a-1", 1, Instant.now(),
                    IncidentEvent.Type.OPENED, Status.PARTIAL_OUTAGE, Cause.STORAGE, List.of("ent-a"),
                    List.of(new Evidence("écritures en échec : disque plein", "writes failing: disk full")),
                    null, "vigie"));
            store.flush();
        }

        try (VigieSystem system = VigieSystem.start(vertx, config, Optional.empty(), Clock.systemUTC())) {
            JsonObject alert = alerts.poll(30, TimeUnit.SECONDS);
            assertThat(alert).as("the open incident is told after the restart").isNotNull();
            assertThat(alert.getString("type")).isEqualTo("incident.opened");
            assertThat(alert.getJsonObject("data").getString("incident")).isEqualTo("2026-11-26-host-a-1");
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
