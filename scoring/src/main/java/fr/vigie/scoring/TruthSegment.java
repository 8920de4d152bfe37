package fr.vigie.scoring;

import java.time.Instant;
import java.util.Objects;

/**
 * One injected fault on one target: the cause a perfect classifier names, from start to end.
 *
 * @param firstEffect the first probe result in the segment that shows an effect (the physics model writes it as
 *                    {@code first_effect}); null when unknown, then delays count from {@code start}
 * @param invisible   the ground truth says no probe result showed any effect (not scored: nothing to detect)
 */
public record TruthSegment(String target, String cause, Instant start, Instant end, Instant firstEffect,
                           boolean invisible) {
    public TruthSegment(String target, String cause, Instant start, Instant end) {
        this(target, cause, start, end, null, false);
    }

    /** Where delays are measured from: the first visible effect when known, else the start. */
    public Instant effectStart() {
        return firstEffect != null ? firstEffect : start;
    }

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
