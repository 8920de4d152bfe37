package fr.vigie.alerts.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Turns an HTTP answer into a {@link SendResult} the usual way (2xx, 410, 408/429/5xx, other 4xx). Public for the
 * subscriptions module's webhooks, which judge their receivers' answers the same way.
 */
public final class HttpVerdicts {
    private HttpVerdicts() {
    }

    public static SendResult of(HttpAnswer a, Clock clock) {
        int c = a.code();
        if (c >= 200 && c < 300) return new SendResult.Delivered(c);
        if (c == 410) return new SendResult.Gone("HTTP 410 Gone");
        if (c == 408 || c == 425 || c == 429 || c >= 500) {
            return new SendResult.Retry("HTTP " + c, retryAfter(a.retryAfter(), clock));
        }
        return new SendResult.Rejected("HTTP " + c);
    }

    /** {@code Retry-After} as delta-seconds or HTTP-date; null when absent or unreadable. */
    static Duration retryAfter(String header, Clock clock) {
        if (header == null || header.isBlank()) return null;
        String h = header.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(h)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(clock.instant(), at.toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
