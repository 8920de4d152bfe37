package fr.vigie.aggregator;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the append-only incident log. An incident's current state is the fold of its events
 * ({@link Incident#fold}).
 *
 * @param incidentId incident id ("2021-04-06-ovh-gra-saturation-1")
 * @param seq        global sequence number in the log, strictly increasing
 * @param ts         when it happened
 * @param type       what happened
 * @param status     status after the event (null if unchanged)
 * @param cause      cause after the event (null if unchanged)
 * @param targets    affected targets after the event (empty if unchanged)
 * @param evidence   evidence after the event (empty if unchanged)
 * @param message    text of a human update from the crisis cell, or an automatic summary; may be null
 * @param author     "vigie" for automatic events, the crisis-cell member's name otherwise
 */
public record IncidentEvent(String incidentId, long seq, Instant ts, Type type, Status status, Cause cause,
                            List<String> targets, List<Evidence> evidence, String message, String author) {
    public IncidentEvent {
        targets = targets == null ? List.of() : List.copyOf(targets);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    public enum Type { OPENED, STATUS_CHANGED, CAUSE_CHANGED, TARGETS_CHANGED, EVIDENCE_UPDATED, HUMAN_UPDATE, RESOLVED }
}
