package fr.vigie.scoring;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** A stretch of one target's verdict state, from one verdict change to the next (or the horizon's end). */
record StateInterval(Instant start, Instant end, boolean alarm, Set<String> causes) {
    boolean overlaps(Instant from, Instant to) {
        return start.isBefore(to) && end.isAfter(from);
    }

    /**
     * Whether this state names the cause: a public cause needs a non-operational status; {@code vantage} is named
     * with the status published before the episode (docs/classify-output.md), so any status counts.
     */
    boolean names(String cause) {
        return causes.contains(cause) && (alarm || cause.equals(Scorer.VANTAGE));
    }

    Duration overlap(Instant from, Instant to) {
        Instant a = start.isAfter(from) ? start : from;
        Instant b = end.isBefore(to) ? end : to;
        return b.isAfter(a) ? Duration.between(a, b) : Duration.ZERO;
    }
}
