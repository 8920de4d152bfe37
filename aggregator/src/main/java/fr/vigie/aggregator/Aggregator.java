package fr.vigie.aggregator;

import fr.vigie.aggregator.classify.Classifier;
import fr.vigie.aggregator.incident.IncidentChange;
import fr.vigie.aggregator.incident.IncidentManager;
import fr.vigie.aggregator.store.Store;
import fr.vigie.config.Target;
import fr.vigie.config.TargetKind;
import fr.vigie.probes.StepResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The aggregator, one code path for live and replay: stores each result, classifies it, keeps the incident log,
 * stores verdict changes and tells listeners after storing, in order. Call {@link #accept} from a worker thread
 * (it may block on the store), never from an event loop.
 */
public final class Aggregator {
    /** Latest instant the stores can hold (epoch nanoseconds in a signed long). */
    static final Instant END_OF_TIME = Instant.parse("2262-01-01T00:00:00Z");
    private static final Logger LOG = LoggerFactory.getLogger(Aggregator.class);

    private final AggregatorSections config;
    private final Store store;
    private final Classifier classifier;
    private final IncidentManager incidents;
    private final List<AggregatorListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Verdict> current = new HashMap<>();
    private final Set<String> vantages = new LinkedHashSet<>();
    private final AggregatorSnapshots snapshots;
    private Instant lastRound;
    private final Map<String, Instant> lastProbe = new HashMap<>();

    /** Rebuilds the incident log and each target's last verdict from the store. */
    public Aggregator(AggregatorSections config, Store store) {
        this.config = config;
        this.store = store;
        this.classifier = new Classifier(config.classifierSections());
        this.incidents = new IncidentManager(config, store);
        for (Target t : config.targets()) {
            List<Verdict> past = store.verdicts(t.id(), Instant.EPOCH, END_OF_TIME);
            if (!past.isEmpty()) {
                Verdict last = past.get(past.size() - 1);
                current.put(t.id(), last);
                classifier.restore(last);
            }
        }
        this.snapshots = new AggregatorSnapshots(config, store, this);
    }

    public void addListener(AggregatorListener listener) {
        listeners.add(listener);
    }

    /** Stores, classifies and publishes one step result. Synchronous. */
    public synchronized void accept(StepResult result) {
        store.appendResults(List.of(result));
        if (result.vantage() != null) {
            vantages.add(result.vantage());
        }
        if (lastRound == null || result.ts().isAfter(lastRound)) {
            lastRound = result.ts();
        }
        lastProbe.merge(result.target(), result.ts(), (a, b) -> a.isAfter(b) ? a : b);
        for (Verdict v : classifier.accept(result)) {
            publish(v);
        }
    }

    /** Judges the rounds still being collected: call at the end of a replay. */
    public synchronized void closeOpenRounds() {
        for (Verdict v : classifier.closeOpenRounds()) {
            publish(v);
        }
    }

    /** A crisis-cell update on an incident (French text, optional status or cause override). */
    public synchronized IncidentEvent postUpdate(String incidentId, String author, String frenchText,
                                                 Optional<Status> status, Optional<Cause> cause) {
        // A human speaks in wall-clock time, but never before the results already in the log.
        Instant now = Instant.now();
        Instant at = lastRound != null && lastRound.isAfter(now) ? lastRound : now;
        IncidentChange change = incidents.postUpdate(incidentId, author, frenchText, status, cause, at);
        store.flush();
        for (AggregatorListener l : listeners) {
            l.onIncidentEvent(change.event(), change.state());
        }
        return change.event();
    }

    /** What the public site reads. */
    public SnapshotSource snapshots() {
        return snapshots;
    }

    /** Latest verdict per target. */
    public synchronized Map<String, Verdict> current() {
        return Map.copyOf(current);
    }

    /** Every incident, newest first. */
    public synchronized List<Incident> incidents() {
        return incidents.incidents();
    }

    /** Time of the latest result per target since start. */
    synchronized Map<String, Instant> lastProbes() {
        return Map.copyOf(lastProbe);
    }

    synchronized Instant lastRound() {
        return lastRound;
    }

    synchronized int vantageCount() {
        return Math.max(1, vantages.size());
    }

    /** A control target's trouble is the operator's business: a warning, no incident (IncidentManager). */
    private void logControl(Verdict v, Verdict previous) {
        if (config.target(v.target()).map(t -> t.kind() != TargetKind.CONTROL).orElse(true)) {
            return;
        }
        boolean failing = failing(v);
        if (failing) {
            LOG.warn("control target {} fails ({}): Vigie's own probing path or the control site is in trouble;"
                    + " no incident is opened and no alert is sent for it", v.target(), v.cause().wire());
        } else if (previous != null && failing(previous)) {
            LOG.info("control target {} answers again", v.target());
        }
    }

    /** A verdict that is not "operational, nothing to say". */
    public static boolean failing(Verdict v) {
        return v.status() != Status.OPERATIONAL || v.cause() != Cause.NONE;
    }

    private void publish(Verdict classified) {
        IncidentManager.Applied applied = incidents.apply(classified);
        Verdict v = new Verdict(classified.ts(), classified.target(), classified.status(), classified.cause(),
                classified.causes(), classified.confidence(), classified.evidence(), applied.incident());
        Verdict previous = current.put(v.target(), v);
        boolean changed = !v.sameStateAs(previous);
        if (changed) {
            store.appendVerdict(v);
            LOG.info("target {} now {} ({}), incident {}", v.target(), v.status().wire(), v.cause().wire(),
                    v.incident());
            logControl(v, previous);
        }
        if (!changed && applied.changes().isEmpty()) {
            return;
        }
        store.flush();
        for (AggregatorListener l : listeners) {
            if (changed) {
                l.onVerdict(v);
            }
            for (IncidentChange c : applied.changes()) {
                l.onIncidentEvent(c.event(), c.state());
            }
        }
    }
}
