package fr.vigie.alerts.delivery;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential back-off with "equal jitter": half of the doubled delay is fixed, the other half random, so
 * retries from many receivers do not stampede; a receiver's {@code Retry-After} is a lower bound (capped at one hour).
 */
public final class Backoff {
    /** a receiver may ask for a long pause (maintenance), but never park its alerts for more than this */
    static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);

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
        long base = initial.toMillis() << Math.min(Math.max(failures - 1, 0), 30);
        long capped = Math.min(base, max.toMillis());
        long half = capped / 2;
        Duration computed = Duration.ofMillis(half + (long) (random.getAsDouble() * (capped - half)));
        if (retryAfter == null) {
            return computed;
        }
        // never sooner than the receiver asked, nor sooner than our own back-off ("Retry-After: 0" is no licence to spin)
        Duration wanted = retryAfter.compareTo(computed) > 0 ? retryAfter : computed;
        return wanted.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wanted;
    }
}
