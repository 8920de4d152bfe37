package fr.vigie.alerts.delivery;

import java.time.Duration;

/** How one delivery attempt ended. Reasons are short texts already free of secrets. */
public sealed interface SendResult {
    /** Acknowledged by the receiver (2xx, or the SMTP server accepted the message). */
    record Delivered(int code) implements SendResult {
    }

    /** Worth retrying (time-out, 5xx, 429...); {@code after} is the receiver's wish, or null. */
    record Retry(String reason, Duration after) implements SendResult {
    }

    /** The endpoint is gone for good (410): disable it and tell someone through another route. */
    record Gone(String reason) implements SendResult {
    }

    /** The receiver refused this payload for good (4xx): retrying would not help. */
    record Rejected(String reason) implements SendResult {
    }
}
