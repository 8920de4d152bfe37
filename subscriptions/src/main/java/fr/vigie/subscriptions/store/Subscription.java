package fr.vigie.subscriptions.store;

import java.time.Instant;
import java.util.List;

/**
 * One subscriber: all that is kept about them.
 *
 * @param id          random, opaque: what tokens and logs name instead of the address
 * @param email       the address
 * @param topics      what they follow, wire form ({@code tout}, {@code service:ent77}...)
 * @param createdAt   when the request was made
 * @param confirmedAt when they confirmed, null while pending (nothing is sent to a pending address but the
 *                    confirmation)
 */
public record Subscription(String id, String email, List<String> topics, Instant createdAt, Instant confirmedAt) {
    public Subscription {
        topics = List.copyOf(topics);
    }

    public boolean confirmed() {
        return confirmedAt != null;
    }

    /** Never prints the address. */
    @Override
    public String toString() {
        return "Subscription[" + id + ", " + topics + (confirmed() ? ", confirmed" : ", pending") + "]";
    }
}
