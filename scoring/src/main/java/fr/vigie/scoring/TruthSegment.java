package fr.vigie.scoring;

import java.time.Instant;
import java.util.Objects;

/** One injected fault on one target: the cause a perfect classifier names, from start to end. */
public record TruthSegment(String target, String cause, Instant start, Instant end) {
    /** From the simulator's ground truth of a live run ({@code fleet.faults().history()}). */
    public static TruthSegment from(fr.vigie.simulator.faults.GroundTruthRecord r) {
        return new TruthSegment(r.target(), r.cause(), r.start(), r.end());
    }

    public TruthSegment {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(cause, "cause");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("segment of " + target + " ends before it starts");
        }
    }
}
