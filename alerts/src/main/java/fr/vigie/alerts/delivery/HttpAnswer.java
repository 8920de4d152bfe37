package fr.vigie.alerts.delivery;

/** What an HTTP receiver answered: status, {@code Retry-After} header (or null) and body text (bounded). */
public record HttpAnswer(int code, String retryAfter, String body) {
}
