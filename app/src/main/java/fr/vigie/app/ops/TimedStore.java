package fr.vigie.app.ops;

import fr.vigie.aggregator.IncidentEvent;
import fr.vigie.aggregator.Verdict;
import fr.vigie.aggregator.store.Store;
import fr.vigie.probes.StepResult;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A store that reports the latency of each write to the metrics; reads and everything else pass through. */
public final class TimedStore implements Store {
    private final Store store;
    private final VigieMetrics metrics;

    public TimedStore(Store store, VigieMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
    }

    @Override
    public void appendResults(List<StepResult> results) {
        long t = System.nanoTime();
        store.appendResults(results);
        metrics.storeWrite("results", Duration.ofNanos(System.nanoTime() - t));
    }

    @Override
    public void appendVerdict(Verdict verdict) {
        long t = System.nanoTime();
        store.appendVerdict(verdict);
        metrics.storeWrite("verdict", Duration.ofNanos(System.nanoTime() - t));
    }

    @Override
    public void appendIncidentEvent(IncidentEvent event) {
        long t = System.nanoTime();
        store.appendIncidentEvent(event);
        metrics.storeWrite("incident_event", Duration.ofNanos(System.nanoTime() - t));
    }

    @Override
    public void flush() {
        long t = System.nanoTime();
        store.flush();
        metrics.storeWrite("flush", Duration.ofNanos(System.nanoTime() - t));
    }

    @Override
    public List<StepResult> results(String target, Instant from, Instant to) {
        return store.results(target, from, to);
    }

    @Override
    public List<Verdict> verdicts(String target, Instant from, Instant to) {
        return store.verdicts(target, from, to);
    }

    @Override
    public List<IncidentEvent> incidentEvents() {
        return store.incidentEvents();
    }

    @Override
    public fr.vigie.aggregator.store.WriteLosses losses() {
        return store.losses();
    }

    @Override
    public long backlog() {
        return store.backlog();
    }

    @Override
    public long spoolBytes() {
        return store.spoolBytes();
    }

    @Override
    public boolean writable() {
        return store.writable();
    }

    @Override
    public void close() {
        store.close();
    }
}
