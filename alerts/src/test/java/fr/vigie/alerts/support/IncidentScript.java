package fr.vigie.alerts.support;

import fr.vigie.aggregator.AggregatorListener;
import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Evidence;
import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.IncidentEvent;
import fr.vigie.aggregator.Status;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Plays incident events by hand, as the aggregator would: global seq, folded state, listener called in order. */
public final class IncidentScript {
    private final AggregatorListener listener;
    private final Clock clock;
    private final Map<String, List<IncidentEvent>> log = new HashMap<>();
    private final Map<String, String> scopes = new HashMap<>();
    private long seq;

    public IncidentScript(AggregatorListener listener, Clock clock) {
        this.listener = listener;
        this.clock = clock;
    }

    /** The same incident log, now told to another listener (a restarted alerts service). */
    public IncidentScript continueWith(AggregatorListener next) {
        IncidentScript s = new IncidentScript(next, clock);
        log.forEach((k, v) -> s.log.put(k, new ArrayList<>(v)));
        s.scopes.putAll(scopes);
        s.seq = seq;
        return s;
    }

    public Incident open(String id, String scope, Status status, Cause cause, String... targets) {
        scopes.put(id, scope);
        return emit(id, IncidentEvent.Type.OPENED, status, cause, List.of(targets),
                List.of(new Evidence("temps de réponse médian 4,2 s, 14 fois l'habitude",
                        "median response time 4.2 s, 14 times usual")), null);
    }

    public Incident status(String id, Status status) {
        return emit(id, IncidentEvent.Type.STATUS_CHANGED, status, null, List.of(), List.of(), null);
    }

    public Incident cause(String id, Cause cause) {
        return emit(id, IncidentEvent.Type.CAUSE_CHANGED, null, cause, List.of(), List.of(), null);
    }

    public Incident targets(String id, String... targets) {
        return emit(id, IncidentEvent.Type.TARGETS_CHANGED, null, null, List.of(targets), List.of(), null);
    }

    public Incident evidence(String id, String fr) {
        return emit(id, IncidentEvent.Type.EVIDENCE_UPDATED, null, null, List.of(), List.of(new Evidence(fr, fr)), null);
    }

    public Incident resolve(String id) {
        return emit(id, IncidentEvent.Type.RESOLVED, Status.OPERATIONAL, null, List.of(), List.of(), "Service rétabli");
    }

    public long lastSeq() {
        return seq;
    }

    private Incident emit(String id, IncidentEvent.Type type, Status status, Cause cause, List<String> targets,
                          List<Evidence> evidence, String message) {
        IncidentEvent e = new IncidentEvent(id, ++seq, clock.instant(), type, status, cause, targets, evidence,
                message, "vigie");
        List<IncidentEvent> events = log.computeIfAbsent(id, k -> new ArrayList<>());
        events.add(e);
        Incident state = Incident.fold(scopes.get(id), events);
        listener.onIncidentEvent(e, state);
        return state;
    }
}
