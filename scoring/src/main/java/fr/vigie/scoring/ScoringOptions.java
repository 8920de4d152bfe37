package fr.vigie.scoring;

import java.time.Duration;
import java.time.Instant;

/**
 * Scoring parameters.
 *
 * @param grace      how long after a fault's end a verdict still counts for it (classifier closing lag)
 * @param flapWindow a status change reverted within this time is a flap
 * @param from       start of the evaluated horizon, or null for the earliest input time
 * @param to         end of the evaluated horizon, or null for the latest input time
 * @param interval   the probes' round interval, to express delays in probe rounds
 */
public record ScoringOptions(Duration grace, Duration flapWindow, Instant from, Instant to, Duration interval) {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

    /** With the demo's 5 s round interval. */
    public ScoringOptions(Duration grace, Duration flapWindow, Instant from, Instant to) {
        this(grace, flapWindow, from, to, DEFAULT_INTERVAL);
    }

    /** 60 s grace (3 closing rounds of a 5 s schedule plus the window's tail), 30 s flap window, 5 s rounds. */
    public static ScoringOptions defaults() {
        return new ScoringOptions(Duration.ofSeconds(60), Duration.ofSeconds(30), null, null);
    }
}
