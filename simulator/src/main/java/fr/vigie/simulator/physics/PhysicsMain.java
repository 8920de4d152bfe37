package fr.vigie.simulator.physics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fr.vigie.simulator.cli.Cli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Command line of the physics model: {@code --fleet config/demo.yaml --out DIR [--seed 1] [--count 45]
 * [--interval 5s] [--length 30m]} writes, per morning, NN-plan.yaml (the mechanisms and their parameters),
 * NN-trace.jsonl (docs/trace-format.md) and NN-truth.jsonl (the fast mode's ground-truth fields plus
 * {@code mechanism} and {@code first_effect}). Same seed, same files. Exit 2 on bad arguments.
 */
public final class PhysicsMain {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private PhysicsMain() {
    }

    public static void main(String[] args) throws Exception {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Command(name = "physics", mixinStandardHelpOptions = true, description = "Generates school mornings with the"
            + " physics model: per morning NN-plan.yaml, NN-trace.jsonl and NN-truth.jsonl.")
    static final class Args {
        @Option(names = "--fleet", required = true, description = "fleet file (config/demo.yaml)") Path fleet;
        @Option(names = "--out", required = true, description = "output directory") Path out;
        @Option(names = "--seed", description = "default 1") long seed = 1;
        @Option(names = "--count", description = "mornings, default 45") int count = 45;
        @Option(names = "--interval", description = "probe round interval, at least 100ms, default 5s")
        Duration interval = Duration.ofSeconds(5);
        @Option(names = "--length", description = "length of a morning, 20m to 4h, default 30m")
        Duration length = Duration.ofMinutes(30);
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Args a = new Args();
        Integer early = Cli.parse(a, args, PhysicsFleet::parse, out, err, () -> a.count < 1
                || a.interval.toMillis() < 100 || a.length.compareTo(Duration.ofMinutes(20)) < 0
                || a.length.compareTo(Duration.ofHours(4)) > 0
                ? "need --count >= 1, --interval >= 100ms, 20m <= --length <= 4h" : null);
        if (early != null) {
            return early;
        }
        Path fleetFile = a.fleet;
        Path dir = a.out;
        long seed = a.seed;
        int count = a.count;
        Duration interval = a.interval;
        Duration length = a.length;
        PhysicsFleet fleet = PhysicsFleet.read(fleetFile);
        Files.createDirectories(dir);
        List<Morning> mornings = new MorningPlanner(fleet.targets(), length).plan(seed, count);
        MorningRun runner = new MorningRun(fleet, interval);
        long t0 = System.nanoTime();
        for (Morning m : mornings) {
            String prefix = String.format("%02d", m.index() + 1);
            Files.writeString(dir.resolve(prefix + "-plan.yaml"), YAML.writeValueAsString(MorningPlanner.describe(m)));
            try (BufferedWriter trace = Files.newBufferedWriter(dir.resolve(prefix + "-trace.jsonl"), StandardCharsets.UTF_8);
                 BufferedWriter truth = Files.newBufferedWriter(dir.resolve(prefix + "-truth.jsonl"), StandardCharsets.UTF_8)) {
                MorningRun.Summary s = runner.run(m, trace, truth);
                out.printf("%s %s %-15s %7d trace lines %4d truth segments%n", prefix, m.day(), m.kind(),
                        s.traceLines(), s.truthLines());
            }
        }
        out.printf("%d mornings in %.1f s -> %s%n", mornings.size(), (System.nanoTime() - t0) / 1e9, dir);
        return 0;
    }
}
