package fr.vigie.scoring;

import java.time.Instant;
import java.util.Set;

/** A stretch of one target's verdict state, from one verdict change to the next (or the horizon's end). */
record StateInterval(Instant start, Instant end, boolean alarm, Set<String> causes) {
    boolean overlaps(Instant from, Instant to) {
        return start.isBefore(to) && end.isAfter(from);
    }
}
