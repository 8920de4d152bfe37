package fr.vigie.alerts.delivery;

import fr.vigie.alerts.outbox.OutboxEntry;

import java.time.Duration;

/** Sends one notification to one receiver, blocking; never throws with a secret in the message. */
public interface Notifier {
    SendResult send(OutboxEntry notification);

    /** How long to wait before the next call is allowed (rate limits); zero when it may go now. */
    default Duration holdOff() {
        return Duration.ZERO;
    }
}
