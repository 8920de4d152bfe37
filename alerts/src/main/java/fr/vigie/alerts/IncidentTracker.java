package fr.vigie.alerts;

import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.Status;

import java.time.Duration;
import java.time.Instant;

/** What the dispatcher remembers of one incident: its latest state and what receivers were last told. */
final class IncidentTracker {
    Incident incident;
    long lastSeq;
    /** when pending changes should be flushed (group wait, or a re-check of a muted incident); null if none */
    Instant dueAt;
    boolean notified;
    Status notifiedStatus;
    Cause notifiedCause;
    Instant lastSentAt;

    IncidentTracker(Incident incident) {
        this.incident = incident;
    }

    boolean isVantage() {
        return "vantage".equals(incident.scope()) || incident.cause() == Cause.VANTAGE;
    }

    boolean isHosting() {
        return incident.scope() != null && incident.scope().startsWith("hosting:");
    }

    /** Earliest instant at which something may have to be sent for this incident, or null. */
    Instant nextWake(Duration repeatInterval) {
        Instant repeat = notified && incident.open() && !isVantage() ? lastSentAt.plus(repeatInterval) : null;
        if (dueAt == null) return repeat;
        if (repeat == null) return dueAt;
        return dueAt.isBefore(repeat) ? dueAt : repeat;
    }
}
