package fr.vigie.aggregator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Current state of one incident: the fold of its events. Groups the targets that share a cause
 * ("saturation on 9 ENTs hosted by X"), not one incident per target.
 *
 * @param id        incident id
 * @param scope     what it groups: {@code target:<id>}, {@code hosting:<group>} or {@code vantage}
 * @param status    worst current status of its targets
 * @param cause     probable cause
 * @param targets   affected target ids
 * @param evidence  latest evidence
 * @param openedAt  first event
 * @param updatedAt latest event
 * @param resolvedAt null while open
 * @param updates   every event, oldest first
 */
public record Incident(String id, String scope, Status status, Cause cause, List<String> targets,
                       List<Evidence> evidence, Instant openedAt, Instant updatedAt, Instant resolvedAt,
                       List<IncidentEvent> updates) {
    public Incident {
        targets = List.copyOf(targets);
        evidence = List.copyOf(evidence);
        updates = List.copyOf(updates);
    }

    public boolean open() {
        return resolvedAt == null;
    }

    /** A vantage incident is about Vigie's own probing: it is never shown as an outage of the services. */
    public boolean isPublic() {
        return cause != Cause.VANTAGE;
    }

    /** Folds the events of one incident (oldest first) into its state. */
    public static Incident fold(String scope, List<IncidentEvent> events) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("an incident needs at least one event");
        }
        IncidentEvent first = events.get(0);
        Status status = first.status();
        Cause cause = first.cause();
        LinkedHashSet<String> targets = new LinkedHashSet<>(first.targets());
        List<Evidence> evidence = first.evidence();
        Instant resolvedAt = null;
        List<IncidentEvent> seen = new ArrayList<>();
        for (IncidentEvent e : events) {
            if (e.status() != null) status = e.status();
            if (e.cause() != null) cause = e.cause();
            if (!e.targets().isEmpty()) targets = new LinkedHashSet<>(e.targets());
            if (!e.evidence().isEmpty()) evidence = e.evidence();
            if (e.type() == IncidentEvent.Type.RESOLVED) resolvedAt = e.ts();
            seen.add(e);
        }
        return new Incident(first.incidentId(), scope, status, cause, List.copyOf(targets), evidence,
                first.ts(), events.get(events.size() - 1).ts(), resolvedAt, seen);
    }
}
