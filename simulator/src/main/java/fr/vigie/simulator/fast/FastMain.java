package fr.vigie.simulator.fast;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fr.vigie.simulator.scenario.Scenario;

import java.io.BufferedWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Command line of the fast mode. Suite: {@code --fleet config/demo.yaml --out DIR [--seed 42] [--count 40]
 * [--interval 5s]} writes NN-scenario.yaml, NN-trace.jsonl and NN-truth.jsonl per scenario. One scenario:
 * {@code --fleet F --out DIR --scenario 2021-04-06|file.yaml [--start ISO]}.
 */
public final class FastMain {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    /** Each suite scenario is a different morning: 7:30 Paris time on consecutive days. */
    private static final Instant SUITE_START = Instant.parse("2021-04-06T05:30:00Z");

    private FastMain() {
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
        long seed = 42;
        int count = 40;
        Duration interval = FastOptions.defaults().interval();
        String scenario = null;
        Instant start = SUITE_START;
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
                    case "--interval" -> interval = Duration.parse("PT" + v.toUpperCase());
                    case "--scenario" -> scenario = v;
                    case "--start" -> start = Instant.parse(v);
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            if (fleetFile == null || dir == null) {
                throw new IllegalArgumentException("--fleet and --out are required");
            }
        } catch (RuntimeException e) {
            err.println("fast: " + e.getMessage());
            err.println("usage: fast --fleet config/demo.yaml --out DIR [--seed 42] [--count 40] [--interval 5s] "
                        + "[--scenario NAME|FILE [--start ISO]]");
            return 2;
        }
        List<FastTarget> fleet = FleetFile.read(fleetFile);
        Files.createDirectories(dir);
        List<Scenario> scenarios = scenario != null ? List.of(Scenario.resolve(scenario))
                : new SuiteGenerator(fleet).generate(seed, count);
        long t0 = System.nanoTime();
        for (int i = 0; i < scenarios.size(); i++) {
            Scenario s = scenarios.get(i);
            String prefix = String.format("%02d", i + 1);
            Files.writeString(dir.resolve(prefix + "-scenario.yaml"), YAML.writeValueAsString(s));
            Instant day = scenario != null ? start : SUITE_START.plus(Duration.ofDays(i));
            FastRun run = new FastRun(fleet, FastOptions.defaults().withInterval(interval).withSeed(seed + i));
            try (BufferedWriter trace = Files.newBufferedWriter(dir.resolve(prefix + "-trace.jsonl"), StandardCharsets.UTF_8);
                 BufferedWriter truth = Files.newBufferedWriter(dir.resolve(prefix + "-truth.jsonl"), StandardCharsets.UTF_8)) {
                FastRun.Summary summary = run.run(s, day, trace, truth);
                out.printf("%s %-28s %7d trace lines %4d truth segments%n", prefix, s.name(), summary.traceLines(),
                        summary.truthLines());
            }
        }
        out.printf("%d scenarios in %.1f s -> %s%n", scenarios.size(), (System.nanoTime() - t0) / 1e9, dir);
        return 0;
    }
}
