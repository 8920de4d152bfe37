package fr.vigie.alerts.delivery;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential back-off with "equal jitter": half of the doubled delay is fixed, the other half random, so
 * retries from many receivers do not stampede; a receiver's {@code Retry-After} wins, capped at the maximum.
 */
public final class Backoff {
    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;

    public Backoff(Duration initial, Duration max, DoubleSupplier random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** Delay before the next attempt after {@code failures} consecutive failures (1 for the first). */
    public Duration delay(int failures, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter.compareTo(max) > 0 ? max : retryAfter;
        }
        long base = initial.toMillis() << Math.min(Math.max(failures - 1, 0), 30);
        long capped = Math.min(base, max.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (capped - half)));
    }
}
