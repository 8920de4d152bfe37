package fr.vigie.aggregator.replay;

import fr.vigie.aggregator.Aggregator;
import fr.vigie.aggregator.AggregatorListener;
import fr.vigie.aggregator.AggregatorSections;
import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.Verdict;
import fr.vigie.aggregator.store.MemoryStore;
import fr.vigie.probes.StepResult;
import fr.vigie.probes.trace.TraceReader;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code vigie classify}: replays a recorded trace through the live {@link Aggregator} as fast as it can, the
 * results' timestamps being the only clock, and writes one JSON line per verdict change, then the incidents.
 */
public final class ReplayClassifier {
    private ReplayClassifier() {
    }

    /** Replays a JSON-Lines trace file (docs/trace-format.md). */
    public static Summary replay(AggregatorSections config, Path traceJsonl, Writer out) throws IOException {
        try (Stream<StepResult> results = TraceReader.read(traceJsonl)) {
            return replay(config, results.iterator(), out);
        }
    }

    /** Replays results already in memory (tests, benchmark), in the given order. */
    public static Summary replay(AggregatorSections config, Iterator<StepResult> results, Writer out)
            throws IOException {
        ClassifyOutput output = new ClassifyOutput(out);
        Aggregator aggregator = new Aggregator(config, new MemoryStore(false));
        List<Verdict> changes = new ArrayList<>();
        aggregator.addListener(new AggregatorListener() {
            @Override
            public void onVerdict(Verdict verdict) {
                changes.add(verdict);
                output.verdict(verdict);
            }
        });
        long n = 0;
        while (results.hasNext()) {
            aggregator.accept(results.next());
            n++;
        }
        aggregator.closeOpenRounds();
        List<Incident> incidents = new ArrayList<>(aggregator.incidents());
        java.util.Collections.reverse(incidents);
        incidents.forEach(output::incident);
        out.flush();
        return new Summary(n, changes, incidents);
    }

    /**
     * What a replay produced.
     *
     * @param results   results read
     * @param verdicts  verdict changes, in output order
     * @param incidents incidents, oldest first
     */
    public record Summary(long results, List<Verdict> verdicts, List<Incident> incidents) {
    }
}
