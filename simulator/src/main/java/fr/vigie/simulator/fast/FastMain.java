package fr.vigie.simulator.fast;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fr.vigie.simulator.cli.Cli;
import fr.vigie.simulator.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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

    @Command(name = "fast", mixinStandardHelpOptions = true, description = "Generates a fast-mode suite (or one"
            + " scenario): NN-scenario.yaml, NN-trace.jsonl and NN-truth.jsonl per scenario.")
    static final class Args {
        @Option(names = "--fleet", required = true, description = "fleet file (config/demo.yaml)") Path fleet;
        @Option(names = "--out", required = true, description = "output directory") Path out;
        @Option(names = "--seed", description = "default 42") long seed = 42;
        @Option(names = "--count", description = "scenarios of the suite, default 40") int count = 40;
        @Option(names = "--interval", description = "probe round interval, default 5s")
        Duration interval = FastOptions.defaults().interval();
        @Option(names = "--scenario", paramLabel = "NAME|FILE", description = "one scenario instead of a suite")
        String scenario;
        @Option(names = "--start", description = "ISO instant the one scenario starts at") Instant start = SUITE_START;
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Args a = new Args();
        Integer early = Cli.parse(a, args, v -> Duration.parse("PT" + v.toUpperCase()), out, err, () -> null);
        if (early != null) {
            return early;
        }
        Path fleetFile = a.fleet;
        Path dir = a.out;
        long seed = a.seed;
        int count = a.count;
        Duration interval = a.interval;
        String scenario = a.scenario;
        Instant start = a.start;
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
