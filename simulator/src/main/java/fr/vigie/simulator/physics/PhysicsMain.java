package fr.vigie.simulator.physics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

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

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Path fleetFile = null;
        Path dir = null;
        long seed = 1;
        int count = 45;
        Duration interval = Duration.ofSeconds(5);
        Duration length = Duration.ofMinutes(30);
        try {
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                String v = args[i + 1];
                switch (args[i]) {
                    case "--fleet" -> fleetFile = Path.of(v);
                    case "--out" -> dir = Path.of(v);
                    case "--seed" -> seed = Long.parseLong(v);
                    case "--count" -> count = Integer.parseInt(v);
                    case "--interval" -> interval = PhysicsFleet.parse(v);
                    case "--length" -> length = PhysicsFleet.parse(v);
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            if (fleetFile == null || dir == null) {
                throw new IllegalArgumentException("--fleet and --out are required");
            }
            if (count < 1 || interval.toMillis() < 100 || length.compareTo(Duration.ofMinutes(20)) < 0
                || length.compareTo(Duration.ofHours(4)) > 0) {
                throw new IllegalArgumentException("need --count >= 1, --interval >= 100ms, 20m <= --length <= 4h");
            }
        } catch (RuntimeException e) {
            err.println("physics: " + e.getMessage());
            err.println("usage: physics --fleet config/demo.yaml --out DIR [--seed 1] [--count 45] [--interval 5s] "
                        + "[--length 30m]");
            return 2;
        }
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
