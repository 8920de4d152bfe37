package fr.vigie.app.demo;

import fr.vigie.aggregator.AggregatorListener;
import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Verdict;
import fr.vigie.bench.scoring.VerdictPoint;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Keeps the verdict timeline of a demo run, for the score printed at the end. */
final class VerdictRecorder implements AggregatorListener {
    private final List<VerdictPoint> points = new ArrayList<>();

    @Override
    public synchronized void onVerdict(Verdict v) {
        points.add(new VerdictPoint(v.ts(), v.target(), v.status().wire(),
                v.causes().stream().map(Cause::wire).collect(Collectors.toSet())));
    }

    synchronized List<VerdictPoint> points() {
        return List.copyOf(points);
    }
}
