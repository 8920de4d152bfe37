package fr.vigie.bench.alerts;

import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Evidence;
import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.IncidentEvent;
import fr.vigie.aggregator.Quantiles;
import fr.vigie.aggregator.Status;
import fr.vigie.alerts.AlertService;
import fr.vigie.alerts.outbox.NotificationId;
import fr.vigie.bench.BenchSections;
import fr.vigie.bench.Cli;
import fr.vigie.config.AlertsConfig;
import fr.vigie.config.Secret;
import fr.vigie.config.Site;
import fr.vigie.config.VigieConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Time from an incident event handed to the alerts service to the receiver's acknowledgement, with
 * {@code incidents} incidents opened at once (in flight together), against a local Vert.x webhook receiver
 * on 127.0.0.1. Group wait is zero here: in production add it (30 s by default) to these figures.
 * Each round uses new incident ids; the first round warms up and is not counted.
 * Usage: {@code AlertLatencyBenchmark [incidents=100] [rounds=6] [receivers=1]}.
 */
public final class AlertLatencyBenchmark {
    private AlertLatencyBenchmark() {
    }

    @Command(name = "AlertLatencyBenchmark", mixinStandardHelpOptions = true, description = "Event to"
            + " acknowledgement latency of webhook alerts through the durable outbox, on 127.0.0.1.")
    static final class Args {
        @Parameters(index = "0", arity = "0..1", defaultValue = "100", description = "incidents per round (default ${DEFAULT-VALUE})")
        int incidents;
        @Parameters(index = "1", arity = "0..1", defaultValue = "6", description = "rounds, the first one warms up"
                + " (default ${DEFAULT-VALUE})")
        int rounds;
        @Parameters(index = "2", arity = "0..1", defaultValue = "1", description = "webhook receivers (default ${DEFAULT-VALUE})")
        int receivers;
    }

    public static void main(String[] args) throws Exception {
        Args a = Cli.parse(new Args(), args);
        int incidents = a.incidents;
        int rounds = a.rounds;
        int receivers = a.receivers;
        Vertx vertx = Vertx.vertx();
        Map<String, Long> ackedAt = new ConcurrentHashMap<>();
        CountDownLatch[] round = new CountDownLatch[1];
        HttpServer server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
            String id = req.getHeader("webhook-id");
            req.response().setStatusCode(204).end().onSuccess(v -> {
                if (id != null && ackedAt.putIfAbsent(id, System.nanoTime()) == null) round[0].countDown();
            });
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

        Path dir = Files.createTempDirectory("vigie-alert-bench");
        List<String> names = new ArrayList<>();
        Map<String, AlertsConfig.Receiver> configured = new java.util.LinkedHashMap<>();
        String whsec = "whsec_" + Base64.getEncoder().encodeToString("bench-signing-key-0123456789".getBytes());
        for (int r = 0; r < receivers; r++) {
            String name = "hook-" + r;
            names.add(name);
            configured.put(name, new AlertsConfig.Receiver(name, "webhook",
                    Secret.of("literal", "http://127.0.0.1:" + server.actualPort() + "/hook/" + r),
                    Secret.of("literal", whsec), null, null, null, null));
        }
        AlertsConfig alerts = new AlertsConfig(configured, List.of(), names, Duration.ZERO, Duration.ofHours(4),
                new AlertsConfig.AdminApi("127.0.0.1:0", null));
        Site site = new Site("Vigie", "https://vigie.example.fr", dir.resolve("site"), List.of("fr"),
                ZoneId.of("Europe/Paris"), "127.0.0.1:0", "https://vigie.example.fr/contact");
        VigieConfig config = new VigieConfig(site, null, null, null, Map.of(), Map.of(), List.of(), Map.of(),
                List.of(), null, alerts);

        List<Double> latenciesMs = Collections.synchronizedList(new ArrayList<>());
        List<Double> queuedMs = new ArrayList<>();
        long seq = 0;
        try (AlertService service = AlertService.start(BenchSections.alerts(config), dir.resolve("outbox.db"), Clock.systemUTC())) {
            for (int k = 0; k < rounds; k++) {
                round[0] = new CountDownLatch(incidents * receivers);
                Map<String, Long> sentAt = new ConcurrentHashMap<>();
                Map<String, Long> sentAtWallMs = new ConcurrentHashMap<>();
                for (int i = 0; i < incidents; i++) {
                    String id = "bench-" + k + "-" + i;
                    IncidentEvent e = new IncidentEvent(id, ++seq, Clock.systemUTC().instant(), IncidentEvent.Type.OPENED,
                            Status.MAJOR_OUTAGE, Cause.SATURATION, List.of("ent-" + i), List.of(new Evidence(
                            "temps de réponse médian 4,2 s", "median response time 4.2 s")), null, "vigie");
                    Incident state = Incident.fold("target:ent-" + i, List.of(e));
                    for (String r : names) {
                        sentAt.put(NotificationId.of(id + "#" + seq, r), System.nanoTime());
                        sentAtWallMs.put(NotificationId.of(id + "#" + seq, r), System.currentTimeMillis());
                    }
                    service.listener().onIncidentEvent(e, state);
                }
                if (!round[0].await(120, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("round " + k + ": not every notification was acknowledged");
                }
                if (k > 0) {
                    sentAt.forEach((id, t0) -> latenciesMs.add((ackedAt.get(id) - t0) / 1e6));
                    // event -> written to the outbox: the dispatcher's share of the latency
                    service.outbox().all().stream().filter(n -> sentAtWallMs.containsKey(n.id()))
                            .forEach(n -> queuedMs.add((double) (n.createdAt().toEpochMilli() - sentAtWallMs.get(n.id()))));
                }
            }
        } finally {
            server.close();
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        List<Double> sorted = new ArrayList<>(latenciesMs);
        Collections.sort(sorted);
        Collections.sort(queuedMs);
        System.out.printf(Locale.ROOT, "%d incidents in flight x %d receiver(s), %d measured rounds: "
                        + "event -> acknowledgement median %.1f ms, p99 %.1f ms, max %.1f ms (%d notifications); "
                        + "event -> outbox median %.0f ms, p99 %.0f ms%n",
                incidents, receivers, rounds - 1, Quantiles.of(sorted, 0.50), Quantiles.of(sorted, 0.99),
                sorted.get(sorted.size() - 1), sorted.size(), Quantiles.of(queuedMs, 0.50), Quantiles.of(queuedMs, 0.99));
    }
}
