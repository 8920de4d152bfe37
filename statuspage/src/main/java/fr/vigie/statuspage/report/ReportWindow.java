package fr.vigie.statuspage.report;

import fr.vigie.aggregator.Incident;

import java.time.Duration;
import java.time.Instant;

/**
 * The span a report shows: the incident (opened to resolved, the shaded fault window) with a margin either side,
 * so the reader sees the normal state before and after.
 */
public record ReportWindow(Instant from, Instant to, Instant faultFrom, Instant faultTo) {
    private static final Duration MIN_MARGIN = Duration.ofMinutes(10);
    private static final Duration MAX_MARGIN = Duration.ofHours(6);

    public static ReportWindow around(Incident incident) {
        Instant end = incident.resolvedAt() != null ? incident.resolvedAt() : incident.updatedAt();
        Duration lasted = Duration.between(incident.openedAt(), end);
        Duration margin = lasted.dividedBy(4);
        if (margin.compareTo(MIN_MARGIN) < 0) {
            margin = MIN_MARGIN;
        } else if (margin.compareTo(MAX_MARGIN) > 0) {
            margin = MAX_MARGIN;
        }
        return new ReportWindow(incident.openedAt().minus(margin), end.plus(margin), incident.openedAt(), end);
    }

    public boolean inFault(Instant t) {
        return !t.isBefore(faultFrom) && !t.isAfter(faultTo);
    }
}
