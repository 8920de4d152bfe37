package fr.vigie.bench.replay;

import fr.vigie.aggregator.replay.ReplayClassifier;
import fr.vigie.bench.BenchSections;
import fr.vigie.bench.Cli;
import fr.vigie.config.ConfigLoader;
import fr.vigie.config.VigieConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Classifies every {@code NN-trace.jsonl} of a fast-mode suite into {@code NN-verdicts.jsonl} (the output of
 * {@code vigie classify}), ready for {@code ScoreMain --suite DIR}.
 * Usage: {@code SuiteReplay --config config/demo.yaml --suite DIR}.
 */
public final class SuiteReplay {
    private SuiteReplay() {
    }

    @Command(name = "SuiteReplay", mixinStandardHelpOptions = true, description = "Classifies every NN-trace.jsonl"
            + " of a suite (the code of vigie classify) into NN-verdicts.jsonl.")
    static final class Args {
        @Option(names = "--config", required = true, description = "configuration file")
        Path config;
        @Option(names = "--suite", required = true, description = "suite directory")
        Path suite;
    }

    public static void main(String[] args) throws Exception {
        Args a = Cli.parse(new Args(), args);
        Path config = a.config;
        Path suite = a.suite;
        VigieConfig cfg = ConfigLoader.fromSystemEnvironment().load(config);
        List<Path> traces = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(suite, "*-trace.jsonl")) {
            ds.forEach(traces::add);
        }
        traces.sort(null);
        long total = 0;
        long t0 = System.nanoTime();
        for (Path trace : traces) {
            String name = trace.getFileName().toString().replace("-trace.jsonl", "-verdicts.jsonl");
            try (BufferedWriter w = Files.newBufferedWriter(suite.resolve(name), StandardCharsets.UTF_8)) {
                ReplayClassifier.Summary s = ReplayClassifier.replay(BenchSections.aggregator(cfg), trace, w);
                total += s.results();
                System.out.printf(Locale.ROOT, "%s: %d results, %d verdict changes, %d incidents%n",
                        trace.getFileName(), s.results(), s.verdicts().size(), s.incidents().size());
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "%d traces, %,d results in %.1f s (%,.0f results/s, reading included)%n",
                traces.size(), total, seconds, total / seconds);
    }
}
