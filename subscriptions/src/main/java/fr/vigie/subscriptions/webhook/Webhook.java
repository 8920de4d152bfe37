package fr.vigie.subscriptions.webhook;

import fr.vigie.config.Secret;

import java.time.Instant;
import java.util.List;

/**
 * One webhook subscription. {@code secret} signs its deliveries (kept so, masked in {@link #toString()}); it is
 * wiped when the subscription ends.
 *
 * @param state        {@link State}
 * @param verifyBy     until when the callback may echo the challenge (pending subscriptions)
 * @param failingSince start of the current run of failed deliveries, or null
 * @param reason       why it ended (refused, expired, disabled), in French; null otherwise
 */
public record Webhook(String id, String callback, List<String> topics, Secret secret, State state, Instant createdAt,
                      Instant verifyBy, Instant verifiedAt, Instant failingSince, String reason) {
    public enum State {
        /** waiting for the callback to echo the challenge: never receives events */
        PENDING,
        /** the callback proved it wants them: receives events */
        VERIFIED,
        /** the callback answered without echoing the challenge */
        REFUSED,
        /** no answer echoing the challenge before {@code verifyBy} */
        EXPIRED,
        /** failing for too long, too many notifications waiting, or 410 Gone */
        DISABLED;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Webhook {
        topics = List.copyOf(topics);
    }

    /** The outbox receiver name of its deliveries. */
    public String receiver() {
        return receiver(id);
    }

    public static String receiver(String id) {
        return "webhook:" + id;
    }
}
