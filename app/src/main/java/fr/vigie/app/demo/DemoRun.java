package fr.vigie.app.demo;

import fr.vigie.app.system.VigieSystem;
import fr.vigie.scoring.ScoreReport;
import fr.vigie.scoring.Scorer;
import fr.vigie.scoring.ScoringInputs;
import fr.vigie.scoring.ScoringOptions;
import fr.vigie.config.VigieConfig;
import fr.vigie.simulator.SimOptions;
import fr.vigie.simulator.SimulatedFleet;
import fr.vigie.simulator.scenario.Scenario;
import fr.vigie.simulator.scenario.ScenarioPlayer;
import io.vertx.core.Future;
import fr.vigie.app.system.ServiceVertx;
import io.vertx.core.Vertx;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One demo run: a simulated fleet built from the config, the whole Vigie system against it, a scenario injected on
 * real time, then the score of what Vigie detected against what was injected.
 *
 * @param tail how long to keep probing after the scenario's last fault so recoveries are seen
 */
public record DemoRun(VigieConfig config, DemoAccount account, Scenario scenario, Path workDir,
                      Optional<Path> record, Duration tail, PrintStream out) {

    /** Runs to the end of the scenario plus the tail; returns the score. {@code stay} keeps serving until interrupted. */
    public ScoreReport run(boolean stay) throws Exception {
        Path groundTruth = workDir.resolve("ground-truth.jsonl");
        Vertx vertx = Vertx.vertx(ServiceVertx.options());
        SimulatedFleet fleet = null;
        CrisisCellInbox inbox = null;
        VerdictRecorder recorder = new VerdictRecorder();
        try {
            // a DNS scenario needs services addressed by names, and probes asking the fleet's DNS server
            VigieConfig demo = DemoFleet.needsNames(scenario) ? DemoFleet.namedByDns(config) : config;
            fleet = await(SimulatedFleet.start(vertx, DemoFleet.specsFor(demo, account), SimOptions.demo(groundTruth)));
            if (fleet.dnsAddress().isPresent() && demo.probing().dnsServers().isEmpty()) {
                demo = demo.withProbing(demo.probing().withDnsServers(List.of(fleet.dnsAddress().get())));
            }
            inbox = startInbox(vertx).orElse(null);
            out.printf("Flotte simulée : %d services sur 127.0.0.1 ; API d'injection de pannes sur 127.0.0.1:%d%n",
                    fleet.services().size(), fleet.adminPort());
            try (VigieSystem system = VigieSystem.start(vertx, demo, record, Clock.systemUTC(),
                    new DemoConsole(out, demo.site().timeZone()), recorder)) {
                out.printf("Page de statut : http://localhost:%d/  (scénario « %s », %d s)%n%n", system.sitePort(),
                        scenario.name(), scenario.length().toSeconds());
                Instant start = Instant.now();
                ScenarioPlayer player = new ScenarioPlayer(vertx, fleet, InstantSource.system());
                player.play(scenario, start).toCompletionStage().toCompletableFuture()
                        .get(scenario.length().plusMinutes(1).toSeconds(), TimeUnit.SECONDS);
                waitUntil(start.plus(scenario.length()).plus(tail));
                player.cancel();
                ScoreReport report = new Scorer(new ScoringOptions(Duration.ofSeconds(60), Duration.ofSeconds(30),
                        start, Instant.now())).score(ScoringInputs.readTruth(groundTruth), recorder.points());
                out.println();
                out.println("Ce que Vigie a détecté, comparé à ce qui a été injecté (" + groundTruth + ") :");
                out.println(fr.vigie.scoring.DemoScoreTable.render(report, recorder.incidents()));
                if (inbox != null) {
                    out.printf("Alertes reçues par la cellule de crise (webhook de démo) : %d%n", inbox.received());
                }
                if (stay) {
                    out.printf("La page reste servie sur http://localhost:%d/ ; Ctrl-C pour arrêter.%n", system.sitePort());
                    new CountDownLatch(1).await();
                }
                return report;
            }
        } finally {
            if (inbox != null) {
                inbox.close();
            }
            if (fleet != null) {
                fleet.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            }
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    /** Stands in for the crisis cell when the config's first webhook receiver points at loopback. */
    private Optional<CrisisCellInbox> startInbox(Vertx vertx) throws Exception {
        for (var receiver : config.alerts().receivers().values()) {
            if ("webhook".equals(receiver.type()) && receiver.url() != null && !receiver.url().isEmpty()) {
                URI url = URI.create(receiver.url().reveal());
                if (url.getHost() != null && url.getHost().startsWith("127.")) {
                    return Optional.of(await(CrisisCellInbox.start(vertx, url, out)));
                }
            }
        }
        return Optional.empty();
    }

    private static void waitUntil(Instant end) throws InterruptedException {
        // The demo's own pacing on wall-clock time (not a test synchronisation).
        long millis = Duration.between(Instant.now(), end).toMillis();
        if (millis > 0) {
            new CountDownLatch(1).await(millis, TimeUnit.MILLISECONDS);
        }
    }

    private static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}
