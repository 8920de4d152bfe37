package fr.vigie.aggregator.store;

import fr.vigie.aggregator.IncidentEvent;
import fr.vigie.aggregator.Verdict;
import fr.vigie.probes.StepResult;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A store in memory, for offline replay ({@code vigie classify}) and benchmarks. With {@code keepResults} false it
 * drops step results (replay only needs verdicts and incidents) so that a long trace does not fill the heap.
 */
public final class MemoryStore implements Store {
    private final boolean keepResults;
    private final Map<String, List<StepResult>> results = new HashMap<>();
    private final Map<String, List<Verdict>> verdicts = new HashMap<>();
    private final List<IncidentEvent> events = new ArrayList<>();

    public MemoryStore(boolean keepResults) {
        this.keepResults = keepResults;
    }

    @Override
    public synchronized void appendResults(List<StepResult> batch) {
        if (keepResults) {
            for (StepResult r : batch) {
                results.computeIfAbsent(r.target(), t -> new ArrayList<>()).add(r);
            }
        }
    }

    @Override
    public synchronized void appendVerdict(Verdict verdict) {
        verdicts.computeIfAbsent(verdict.target(), t -> new ArrayList<>()).add(verdict);
    }

    @Override
    public synchronized void appendIncidentEvent(IncidentEvent event) {
        events.add(event);
    }

    @Override
    public synchronized List<StepResult> results(String target, Instant from, Instant to) {
        return between(results.getOrDefault(target, List.of()), from, to, StepResult::ts);
    }

    @Override
    public synchronized List<Verdict> verdicts(String target, Instant from, Instant to) {
        return between(verdicts.getOrDefault(target, List.of()), from, to, Verdict::ts);
    }

    @Override
    public synchronized List<IncidentEvent> incidentEvents() {
        List<IncidentEvent> out = new ArrayList<>(events);
        out.sort(Comparator.comparingLong(IncidentEvent::seq));
        return out;
    }

    @Override
    public void flush() {
        // nothing to make durable
    }

    @Override
    public void close() {
        // nothing to release
    }

    private static <T> List<T> between(List<T> all, Instant from, Instant to, java.util.function.Function<T, Instant> ts) {
        List<T> out = new ArrayList<>();
        for (T x : all) {
            Instant t = ts.apply(x);
            if (!t.isBefore(from) && t.isBefore(to)) out.add(x);
        }
        out.sort(Comparator.comparing(ts));
        return out;
    }
}
