package fr.vigie.bench.replay;

import fr.vigie.aggregator.replay.ReplayClassifier;
import fr.vigie.config.VigieConfig;
import fr.vigie.probes.StepResult;

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

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int targets = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        int perGroup = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        VigieConfig config = BenchConfig.of(targets, perGroup);
        List<StepResult> results = SyntheticResults.generate(n, targets, perGroup);

        // One warm-up pass on a tenth of the data so the JIT has compiled the hot path.
        ReplayClassifier.replay(config, results.subList(0, n / 10).iterator(), Writer.nullWriter());
        long t0 = System.nanoTime();
        ReplayClassifier.Summary summary = ReplayClassifier.replay(config, results.iterator(), Writer.nullWriter());
        double seconds = (System.nanoTime() - t0) / 1e9;

        double perSecond = summary.results() / seconds;
        System.out.printf(Locale.ROOT, "replayed %,d results (%d targets) in %.2f s: %,.0f results/s, %,.0f results/min;"
                        + " %d verdict changes, %d incidents%n", summary.results(), targets + 1, seconds, perSecond,
                perSecond * 60, summary.verdicts().size(), summary.incidents().size());
    }
}
