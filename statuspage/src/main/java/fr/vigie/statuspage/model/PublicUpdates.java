package fr.vigie.statuspage.model;

import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.IncidentEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which of an incident's events the public reads as updates, oldest first. A hosting group's services fail one
 * after the other, and the incident log records each join or status move; published one by one they made
 * eleven updates in a minute. Consecutive automatic joins, departures and status moves within {@link #WINDOW}
 * of the first of them are shown as one update: the last of the run, which carries the state after all of them.
 * Openings, cause changes, resolutions and crisis-cell messages are always shown. Order is by time (then log
 * order), so a crisis-cell update dated by the wall clock sits where it happened.
 */
public final class PublicUpdates {
    /** automatic changes closer than this to the first of a run are one public update */
    public static final Duration WINDOW = Duration.ofMinutes(2);
    private static final Set<IncidentEvent.Type> BATCHED = EnumSet.of(IncidentEvent.Type.TARGETS_CHANGED,
            IncidentEvent.Type.STATUS_CHANGED, IncidentEvent.Type.EVIDENCE_UPDATED);

    private PublicUpdates() {
    }

    /** Indexes into {@link Incident#updates()} of the events to publish, oldest first. */
    public static List<Integer> indexes(Incident incident) {
        List<IncidentEvent> events = incident.updates();
        List<Integer> shown = new ArrayList<>();
        int runStart = -1;
        for (int i = 0; i < events.size(); i++) {
            IncidentEvent e = events.get(i);
            boolean batched = BATCHED.contains(e.type()) && ("vigie".equals(e.author()) || e.author() == null);
            if (!batched) {
                runStart = -1;
                shown.add(i);
                continue;
            }
            if (runStart >= 0 && Duration.between(events.get(runStart).ts(), e.ts()).compareTo(WINDOW) < 0) {
                shown.set(shown.size() - 1, i); // the run's last event stands for it
            } else {
                runStart = i;
                shown.add(i);
            }
        }
        shown.sort(Comparator.<Integer, java.time.Instant>comparing(i -> events.get(i).ts())
                .thenComparing(i -> events.get(i).seq()));
        return shown;
    }
}
