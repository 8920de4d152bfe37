package fr.vigie.alerts;

import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.Status;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

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
    /** how many services the last notification named */
    int notifiedCount;
    /** every cause receivers were told of for this incident: a cause flipping back is not news */
    final Set<Cause> toldCauses = EnumSet.noneOf(Cause.class);

    IncidentTracker(Incident incident) {
        this.incident = incident;
    }

    boolean isVantage() {
        return "vantage".equals(incident.scope()) || incident.cause() == Cause.VANTAGE;
    }

    boolean isHosting() {
        return incident.scope() != null && incident.scope().startsWith("hosting:");
    }

    /**
     * True when the incident now covers materially more services than receivers were last told: at least half
     * as many again and at least two more (told at 1, then at 3, 5, 8, 12…).
     */
    boolean grewMaterially() {
        int now = incident.targets().size();
        return now >= notifiedCount + 2 && 2 * now >= 3 * notifiedCount;
    }

    /** True when the cause is known (not under analysis) and receivers have not been told of it yet. */
    boolean hasNewCause() {
        Cause c = incident.cause();
        return c != null && c != Cause.UNKNOWN && !toldCauses.contains(c);
    }

    /** Remembers what a notification said. */
    void told(Instant at) {
        notified = true;
        notifiedStatus = incident.status();
        notifiedCause = incident.cause();
        notifiedCount = incident.targets().size();
        if (incident.cause() != null) toldCauses.add(incident.cause());
        lastSentAt = at;
    }

    /** Earliest instant at which something may have to be sent for this incident, or null. */
    Instant nextWake(Duration repeatInterval) {
        Instant repeat = notified && incident.open() && !isVantage() ? lastSentAt.plus(repeatInterval) : null;
        if (dueAt == null) return repeat;
        if (repeat == null) return dueAt;
        return dueAt.isBefore(repeat) ? dueAt : repeat;
    }
}
