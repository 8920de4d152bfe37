package fr.vigie.bench.blackbox;

import fr.vigie.config.Journey;
import fr.vigie.config.ProbingConfig;
import fr.vigie.config.Step;
import fr.vigie.config.StepKind;
import fr.vigie.config.Target;
import fr.vigie.config.TargetKind;
import fr.vigie.probes.Outcome;
import fr.vigie.probes.run.JourneyRunner;
import fr.vigie.probes.run.RoundInfo;
import fr.vigie.probes.run.RunnerSettings;
import fr.vigie.probes.signature.SignatureCatalogue;
import io.vertx.core.Vertx;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * Vigie's half of the side-by-side comparison (bench/blackbox.sh): the simple HTTP check of a control target (one
 * GET, status 200 expected, a new connection each time) run by Vigie's own prober at a fixed rate, in a process of
 * its own so that /proc counts its CPU alone, JIT and garbage collection included.
 */
@Command(name = "VigieAtRate", mixinStandardHelpOptions = true,
        description = "Vigie's prober running a simple HTTP check at a fixed rate; prints its process CPU per check.")
public final class VigieAtRate implements Callable<Integer> {
    @Mixin
    RateOptions load = new RateOptions();
    @Option(names = "--threads", description = "also print the CPU of each thread over the measured time")
    boolean threads;

    public static void main(String[] args) {
        System.exit(new CommandLine(new VigieAtRate()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Loopback.require(load.url);
        Vertx vertx = Vertx.vertx();
        ProbingConfig probing = new ProbingConfig("Vigie-bench/0.1", load.rate * 4, Duration.ofSeconds(2),
                Duration.ofSeconds(5), 1_000_000, 0, Duration.ofMinutes(15), List.of());
        JourneyRunner runner = new JourneyRunner(vertx, new RunnerSettings(probing,
                RunnerSettings.userAgent(probing.userAgent(), "http://127.0.0.1/bench"), "bench",
                SignatureCatalogue.shipped(), Map.of(), null));
        Journey check = new Journey("simple", "one GET", List.of(new Step("home", StepKind.PAGE, "/", null, null,
                false, Map.of(), new Step.Expect(List.of(200), null, null, null, Map.of(), null), Map.of(), false)));
        Target target = new Target("control", "control", TargetKind.CONTROL, null, List.of(), null, null, "bench",
                load.url, "simple", Optional.empty(), "bench", List.of(), Map.of());
        Latencies latencies = new Latencies();
        try {
            RateDriver warm = new RateDriver(vertx, load.rate, load.maxInFlight);
            warm.runFor(load.warmup * 1000L, () -> runner.run(target, check, RoundInfo.now(), r -> { })
                    .map(r -> r.get(0).outcome() == Outcome.OK)).get(load.warmup + 60L, TimeUnit.SECONDS);
            long self = ProcessHandle.current().pid();
            double[] cpu0 = ProcessCpu.userAndSystem(self);
            var threads0 = ProcessCpu.byThread();
            RateDriver measured = new RateDriver(vertx, load.rate, load.maxInFlight);
            long t0 = System.nanoTime();
            measured.runFor(load.seconds * 1000L, () -> runner.run(target, check, RoundInfo.now(), r -> { })
                    .map(r -> {
                        latencies.add(r.get(0).totalMs());
                        return r.get(0).outcome() == Outcome.OK;
                    })).get(load.seconds + 60L, TimeUnit.SECONDS);
            double wall = (System.nanoTime() - t0) / 1e9;
            double[] cpu1 = ProcessCpu.userAndSystem(self);
            Report.print("vigie", load.rate, wall, measured, cpu1[0] - cpu0[0], cpu1[1] - cpu0[1], latencies);
            if (threads) {
                long done = measured.succeeded.get() + measured.failed.get();
                ProcessCpu.byThread().forEach((name, ms) -> {
                    double used = ms - threads0.getOrDefault(name, 0.0);
                    if (used > 0) {
                        System.out.printf(java.util.Locale.ROOT, "  thread %-28s %.3f ms/check%n", name, used / done);
                    }
                });
            }
            return 0;
        } finally {
            runner.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
