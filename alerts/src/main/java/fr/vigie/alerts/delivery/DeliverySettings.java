package fr.vigie.alerts.delivery;

import java.time.Duration;

/**
 * Delivery tuning; {@link #defaults()} suits production, tests shorten the waits.
 *
 * @param connectTimeout     TCP (and SMTP) connect bound
 * @param responseTimeout    bound on waiting for the answer
 * @param initialBackoff     first retry delay; doubles on each failure
 * @param maxBackoff         cap of the computed retry delay, 30 s by default: a receiver back after an outage gets
 *                           its alerts within 30 s, one that stays down gets 2 to 4 attempts a minute (a
 *                           receiver's {@code Retry-After} may ask up to 1 h)
 * @param failingAlertAfter  a receiver failing this long raises an internal alert through another route
 * @param matrixMinInterval  at most one call per this interval per Matrix homeserver (Tchap asks ~1/s)
 */
public record DeliverySettings(Duration connectTimeout, Duration responseTimeout, Duration initialBackoff,
                               Duration maxBackoff, Duration failingAlertAfter, Duration matrixMinInterval) {
    /** The longest a receiver back from an outage waits for its pending alerts (unless it sent Retry-After). */
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    public static DeliverySettings defaults() {
        return new DeliverySettings(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(1),
                MAX_BACKOFF, Duration.ofMinutes(10), Duration.ofSeconds(1));
    }
}
