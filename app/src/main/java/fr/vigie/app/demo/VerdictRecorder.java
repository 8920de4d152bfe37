package fr.vigie.app.demo;

import fr.vigie.aggregator.AggregatorListener;
import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.IncidentEvent;
import fr.vigie.aggregator.Verdict;
import fr.vigie.scoring.VerdictPoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the verdict timeline of a demo run and each incident's last state (in the order they opened), for the
 * score printed at the end.
 */
final class VerdictRecorder implements AggregatorListener {
    private final List<VerdictPoint> points = new ArrayList<>();
    private final Map<String, Incident> incidents = new LinkedHashMap<>();

    @Override
    public synchronized void onVerdict(Verdict v) {
        points.add(VerdictPoint.from(v));
    }

    @Override
    public synchronized void onIncidentEvent(IncidentEvent event, Incident state) {
        incidents.put(state.id(), state);
    }

    synchronized List<VerdictPoint> points() {
        return List.copyOf(points);
    }

    /** Every incident of the run, vantage ones included, in its last state. */
    synchronized List<Incident> incidents() {
        return List.copyOf(incidents.values());
    }
}
