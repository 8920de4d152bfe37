package fr.vigie.bench.scoring;

import java.time.Instant;
import java.util.Objects;

/** One injected fault on one target: the cause a perfect classifier names, from start to end. */
public record TruthSegment(String target, String cause, Instant start, Instant end) {
    public TruthSegment {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(cause, "cause");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("segment of " + target + " ends before it starts");
        }
    }
}
