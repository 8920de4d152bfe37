package fr.vigie.app.demo;

import fr.vigie.aggregator.AggregatorListener;
import fr.vigie.aggregator.Verdict;
import fr.vigie.scoring.VerdictPoint;

import java.util.ArrayList;
import java.util.List;

/** Keeps the verdict timeline of a demo run, for the score printed at the end. */
final class VerdictRecorder implements AggregatorListener {
    private final List<VerdictPoint> points = new ArrayList<>();

    @Override
    public synchronized void onVerdict(Verdict v) {
        points.add(VerdictPoint.from(v));
    }

    synchronized List<VerdictPoint> points() {
        return List.copyOf(points);
    }
}
