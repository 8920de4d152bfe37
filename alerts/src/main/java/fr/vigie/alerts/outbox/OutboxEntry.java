package fr.vigie.alerts.outbox;

import fr.vigie.alerts.content.Alert;

import java.time.Instant;

/**
 * One notification in the outbox.
 *
 * @param position    insertion order (per-receiver FIFO follows it)
 * @param id          stable id, sent to receivers for de-duplication
 * @param receiver    receiver name
 * @param alert       what to say
 * @param createdAt   when it was written
 * @param attempts    delivery attempts so far
 * @param state       pending, delivered or dropped
 * @param finishedAt  when it was delivered or dropped, or null
 */
public record OutboxEntry(long position, String id, String receiver, Alert alert, Instant createdAt, int attempts,
                          State state, Instant finishedAt) {

    /** Life of a notification. */
    public enum State {
        PENDING, DELIVERED,
        /** given up: the receiver answered 410 Gone or rejected the payload for good */
        DROPPED
    }
}
