package fr.vigie.simulator.physics;

import java.time.Duration;
import java.time.Instant;

/** A time span [start, end) with a ramp-in: intensity rises linearly over {@code ramp} then holds. */
record Window(Instant start, Instant end, Duration ramp) {
    static Window of(Instant start, Duration length, Duration ramp) {
        return new Window(start, start.plus(length), ramp);
    }

    boolean holds(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }

    /** 0 outside, ramping 0 to 1 over the ramp, 1 after. */
    double level(Instant t) {
        if (!holds(t)) {
            return 0;
        }
        long into = Duration.between(start, t).toMillis();
        return ramp.isZero() ? 1 : Math.min(1, (double) into / ramp.toMillis());
    }
}
