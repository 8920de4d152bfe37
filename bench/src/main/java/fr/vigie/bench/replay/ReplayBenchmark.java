package fr.vigie.bench.replay;

import fr.vigie.aggregator.replay.ReplayClassifier;
import fr.vigie.bench.BenchSections;
import fr.vigie.bench.Cli;
import fr.vigie.config.VigieConfig;
import fr.vigie.probes.StepResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * Replay throughput on one thread: generates N results in memory, then classifies them with the same code path
 * as {@code vigie classify} (aggregator over an in-memory store), and prints results per second.
 * Usage: {@code ReplayBenchmark [results=1000000] [targets=40] [targetsPerHostingGroup=8]}.
 */
public final class ReplayBenchmark {
    private ReplayBenchmark() {
    }

    @Command(name = "ReplayBenchmark", mixinStandardHelpOptions = true, description = "Classifies synthetic results"
            + " in memory and prints results per second.")
    static final class Args {
        @Parameters(index = "0", arity = "0..1", defaultValue = "1000000", description = "results (default ${DEFAULT-VALUE})")
        int results;
        @Parameters(index = "1", arity = "0..1", defaultValue = "40", description = "targets (default ${DEFAULT-VALUE})")
        int targets;
        @Parameters(index = "2", arity = "0..1", defaultValue = "8", description = "targets per group (default ${DEFAULT-VALUE})")
        int perGroup;
    }

    public static void main(String[] args) throws IOException {
        Args a = Cli.parse(new Args(), args);
        int n = a.results;
        int targets = a.targets;
        int perGroup = a.perGroup;
        VigieConfig config = BenchConfig.of(targets, perGroup);
        List<StepResult> results = SyntheticResults.generate(n, targets, perGroup);

        // One warm-up pass on a tenth of the data so the JIT has compiled the hot path.
        ReplayClassifier.replay(BenchSections.aggregator(config), results.subList(0, n / 10).iterator(), Writer.nullWriter());
        long t0 = System.nanoTime();
        ReplayClassifier.Summary summary = ReplayClassifier.replay(BenchSections.aggregator(config), results.iterator(), Writer.nullWriter());
        double seconds = (System.nanoTime() - t0) / 1e9;

        double perSecond = summary.results() / seconds;
        System.out.printf(Locale.ROOT, "replayed %,d results (%d targets) in %.2f s: %,.0f results/s, %,.0f results/min;"
                        + " %d verdict changes, %d incidents%n", summary.results(), targets + 1, seconds, perSecond,
                perSecond * 60, summary.verdicts().size(), summary.incidents().size());
    }
}
