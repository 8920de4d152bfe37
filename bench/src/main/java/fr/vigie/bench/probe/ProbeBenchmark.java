package fr.vigie.bench.probe;

import fr.vigie.aggregator.Quantiles;
import fr.vigie.bench.Cli;
import fr.vigie.config.ConfigLoader;
import fr.vigie.config.Credentials;
import fr.vigie.config.Journey;
import fr.vigie.config.ProbingConfig;
import fr.vigie.config.Secret;
import fr.vigie.config.Step;
import fr.vigie.config.StepKind;
import fr.vigie.config.Target;
import fr.vigie.config.TargetKind;
import fr.vigie.probes.StepResult;
import fr.vigie.probes.run.JourneyRunner;
import fr.vigie.probes.run.RoundInfo;
import fr.vigie.probes.run.RunnerSettings;
import fr.vigie.probes.signature.SignatureCatalogue;
import fr.vigie.simulator.Capacity;
import fr.vigie.simulator.Flavour;
import fr.vigie.simulator.ServiceSpec;
import fr.vigie.simulator.SimOptions;
import fr.vigie.simulator.SimulatedFleet;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the prober on this machine, against simulated platforms on loopback (docs/performance.md):
 * <ol>
 *   <li>throughput: {@code concurrency} journeys kept in flight for {@code seconds} over {@code targets}
 *       simulated Open ENT NG platforms (open-ent-ng-write template, 7 steps, with an account); journeys/s,
 *       steps/s, and CPU per journey of the prober's threads (ThreadMXBean) next to the whole process's
 *       (OperatingSystemMXBean, prober + simulator);</li>
 *   <li>phase-timing error: TTFB against a server that answers after a 100 ms timer, minus 100 ms, next to the
 *       same server without the timer (the server's own handling time);</li>
 *   <li>optionally, the same simple HTTP check (one GET of a page answered after 100 ms) run
 *       {@value #SIMPLE_CHECKS} times by Vigie and by Prometheus' blackbox_exporter ({@code /probe}, module
 *       {@code http_2xx}): CPU per probe (prober threads vs the exporter's process, from /proc) and TTFB error
 *       (blackbox's {@code processing} phase).</li>
 * </ol>
 * usage: ProbeBenchmark [seconds=20] [concurrency=8] [targets=10] [blackbox-url blackbox-pid]
 */
public final class ProbeBenchmark {
    private static final String USER = "bench.eleve";
    private static final String PASSWORD = "bench-password-not-secret";
    /**
     * A host with no service time (static assets 1 ms): the prober, not the simulated platform, sets the pace.
     * Both share the two cores, so every timer the simulated host does not need is CPU left to the prober.
     */
    private static final Capacity FAST_HOST = new Capacity(64, 64, 64, Duration.ZERO, Duration.ZERO,
            Duration.ZERO, 0, 10_000);
    private static final long INJECTED_MS = 100;
    private static final int SIMPLE_CHECKS = 100;

    private ProbeBenchmark() {
    }

    @Command(name = "ProbeBenchmark", mixinStandardHelpOptions = true, description = "Journeys per second and CPU per"
            + " journey against simulated Open ENT NG platforms on 127.0.0.1, then the TTFB timing error.")
    static final class Args {
        @Parameters(index = "0", arity = "0..1", defaultValue = "20", description = "seconds measured (default ${DEFAULT-VALUE})")
        int seconds;
        @Parameters(index = "1", arity = "0..1", defaultValue = "8", description = "journeys in flight (default ${DEFAULT-VALUE})")
        int concurrency;
        @Parameters(index = "2", arity = "0..1", defaultValue = "10", description = "simulated targets (default ${DEFAULT-VALUE})")
        int targets;
        @Parameters(index = "3", arity = "0..1", description = "blackbox_exporter base URL, for the side-by-side run")
        String blackbox;
        @Parameters(index = "4", arity = "0..1", description = "blackbox_exporter's process id (its CPU is read)")
        Long blackboxPid;
    }

    public static void main(String[] args) throws Exception {
        Args a = Cli.parse(new Args(), args);
        int seconds = a.seconds;
        int concurrency = a.concurrency;
        int targetCount = a.targets;
        Vertx simVertx = Vertx.vertx();
        Vertx probeVertx = Vertx.vertx();
        try {
            List<ServiceSpec> specs = new ArrayList<>();
            for (int i = 0; i < targetCount; i++) {
                specs.add(new ServiceSpec("bench-" + i, Flavour.OPEN_ENT_NG, "127.0.0.1", freePort(), "bench-" + i,
                        FAST_HOST, USER, PASSWORD));
            }
            SimulatedFleet fleet = await(SimulatedFleet.start(simVertx, specs, SimOptions.quiet()));
            JourneyRunner runner = new JourneyRunner(probeVertx, settings());
            Journey journey = ConfigLoader.builtinJourneys().get("open-ent-ng-write");
            List<Target> targets = specs.stream().map(s -> target(s.id(), s.baseUrl())).toList();

            System.out.printf("probe benchmark: %d s, %d journeys in flight, %d simulated targets, %d cores%n",
                    seconds, concurrency, targetCount, Runtime.getRuntime().availableProcessors());
            Counters warm = new Counters();
            runFor(runner, targets, journey, Math.min(10, seconds), concurrency, warm); // warm-up: JIT, pools
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            Counters c = new Counters();
            // the prober's threads are the ones its journeys ran on; their CPU is counted from here
            Map<Long, Long> cpuAtStart = new java.util.HashMap<>();
            warm.proberThreads.forEach(id -> cpuAtStart.put(id, threads.getThreadCpuTime(id)));
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long processCpu0 = os.getProcessCpuTime();
            long wall0 = System.nanoTime();
            runFor(runner, targets, journey, seconds, concurrency, c);
            double wall = (System.nanoTime() - wall0) / 1e9;
            long processCpu = os.getProcessCpuTime() - processCpu0;
            long proberCpu = c.proberThreads.stream()
                    .mapToLong(id -> threads.getThreadCpuTime(id) - cpuAtStart.getOrDefault(id, 0L)).sum();
            long journeys = c.journeys.get();
            System.out.printf("journeys: %d in %.1f s = %.1f journeys/s (%.1f steps/s), %d journeys not all ok%n",
                    journeys, wall, journeys / wall, c.steps.get() / wall, c.failed.get());
            System.out.printf("CPU per journey: prober threads %.2f ms, whole process (prober + simulator) %.2f ms%n",
                    proberCpu / 1e6 / journeys, processCpu / 1e6 / journeys);
            System.out.printf("CPU per step: prober threads %.3f ms%n", proberCpu / 1e6 / c.steps.get());
            timingError(simVertx, runner);
            if (a.blackboxPid != null) {
                SideBySide.run(simVertx, runner, a.blackbox, a.blackboxPid, INJECTED_MS, SIMPLE_CHECKS);
            }
            await(runner.close());
            await(fleet.close());
        } finally {
            await(probeVertx.close());
            await(simVertx.close());
        }
    }

    /** Prober-side counters; prober threads are the ones the result sink runs on. */
    private static final class Counters {
        final AtomicLong journeys = new AtomicLong();
        final AtomicLong steps = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final Set<Long> proberThreads = ConcurrentHashMap.newKeySet();
    }

    private static void runFor(JourneyRunner runner, List<Target> targets, Journey journey, int seconds,
                               int concurrency, Counters c) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<CompletableFuture<Void>> lanes = new ArrayList<>();
        for (int lane = 0; lane < concurrency; lane++) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            lanes.add(done);
            loop(runner, targets, journey, lane, deadline, c, done);
        }
        for (CompletableFuture<Void> lane : lanes) {
            lane.get(seconds + 60L, TimeUnit.SECONDS);
        }
    }

    private static void loop(JourneyRunner runner, List<Target> targets, Journey journey, int lane, long deadline,
                             Counters c, CompletableFuture<Void> done) {
        if (System.nanoTime() >= deadline) {
            done.complete(null);
            return;
        }
        Target target = targets.get((int) ((c.journeys.get() + lane) % targets.size()));
        runner.run(target, journey, RoundInfo.now(), r -> {
            c.steps.incrementAndGet();
            c.proberThreads.add(Thread.currentThread().getId());
        }).onComplete(ar -> {
            c.journeys.incrementAndGet();
            if (ar.failed() || !ar.result().stream().allMatch(StepResult::ok)) {
                c.failed.incrementAndGet();
            }
            loop(runner, targets, journey, lane, deadline, c, done);
        });
    }

    private static void timingError(Vertx serverVertx, JourneyRunner runner) {
        long delay = INJECTED_MS;
        HttpServer slow = await(serverVertx.createHttpServer()
                .requestHandler(req -> serverVertx.setTimer(delay, id -> req.response().end("ok"))).listen(0, "127.0.0.1"));
        HttpServer fast = await(serverVertx.createHttpServer().requestHandler(req -> req.response().end("ok"))
                .listen(0, "127.0.0.1"));
        Journey one = new Journey("one", "one page", List.of(new Step("home", StepKind.PAGE, "/", null, null, true,
                Map.of(), new Step.Expect(List.of(200), "ok", null, null, Map.of(), null), Map.of(), false)));
        List<Double> slowTtfb = new ArrayList<>();
        List<Double> fastTtfb = new ArrayList<>();
        int runs = 31;
        for (int i = 0; i < runs; i++) {
            slowTtfb.add(await(runner.run(target("slow", "http://127.0.0.1:" + slow.actualPort()), one,
                    RoundInfo.now(), r -> { })).get(0).ttfbMs());
            fastTtfb.add(await(runner.run(target("fast", "http://127.0.0.1:" + fast.actualPort()), one,
                    RoundInfo.now(), r -> { })).get(0).ttfbMs());
        }
        System.out.printf("TTFB error (%d runs, %d ms injected): median %+.2f ms, p90 %+.2f ms; "
                        + "server handling without delay: median %.2f ms%n", runs, delay,
                Quantiles.of(slowTtfb, 0.5) - delay, Quantiles.of(slowTtfb, 0.9) - delay, Quantiles.of(fastTtfb, 0.5));
        await(slow.close());
        await(fast.close());
    }

    private static RunnerSettings settings() {
        ProbingConfig probing = new ProbingConfig("Vigie-bench/0.1", 100_000, Duration.ofSeconds(2),
                Duration.ofSeconds(10), 5_000_000, 5, Duration.ofMinutes(15), List.of());
        return new RunnerSettings(probing, RunnerSettings.userAgent(probing.userAgent(), "http://127.0.0.1/bench"),
                "bench", SignatureCatalogue.shipped(), Map.of(), null);
    }

    private static Target target(String id, String baseUrl) {
        return new Target(id, id, TargetKind.ENT, "Bench", List.of(), "C", "bench", "bench", baseUrl,
                "open-ent-ng-write", Optional.of(new Credentials(Secret.of("literal", USER),
                Secret.of("literal", PASSWORD))), "bench", List.of(), Map.of());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
