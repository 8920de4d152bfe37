package fr.vigie.alerts.delivery;

import fr.vigie.alerts.outbox.Outbox;
import fr.vigie.alerts.outbox.OutboxEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Delivery to one receiver, on its own thread so a slow or dead receiver delays no other: sends the outbox's
 * pending notifications of this receiver oldest first, one at a time (FIFO), waiting out back-off and rate
 * limits between attempts. All state is confined to the channel's thread.
 */
final class ReceiverChannel {
    private static final Logger LOG = LoggerFactory.getLogger(ReceiverChannel.class);
    private static final int READ_AHEAD = 32;

    private final String receiver;
    private final Notifier notifier;
    private final Outbox outbox;
    private final Backoff backoff;
    private final Clock clock;
    private final Duration failingAlertAfter;
    private final InternalAlarm alarm;
    private final ScheduledExecutorService thread;
    private final DeliveryClaims claims;

    /** coalesces wake-ups: a burst of 100 enqueues costs one extra outbox look-up, not 100 */
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    /** pending notifications read ahead from the outbox (this channel is their only consumer); head first */
    private final ArrayDeque<OutboxEntry> ahead = new ArrayDeque<>();
    private boolean waiting;
    private boolean disabled;
    private int failures;
    private Instant failingSince;
    private boolean failingAlerted;

    ReceiverChannel(String receiver, Notifier notifier, Outbox outbox, Backoff backoff, Clock clock,
                    Duration failingAlertAfter, InternalAlarm alarm, DeliveryClaims claims) {
        this.claims = claims;
        this.receiver = receiver;
        this.notifier = notifier;
        this.outbox = outbox;
        this.backoff = backoff;
        this.clock = clock;
        this.failingAlertAfter = failingAlertAfter;
        this.alarm = alarm;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vigie-alerts-" + receiver);
            t.setDaemon(true);
            return t;
        });
    }

    /** Something new is in the outbox: send it now unless a back-off is running. */
    void wake() {
        if (!thread.isShutdown() && wakeQueued.compareAndSet(false, true)) {
            try {
                thread.execute(() -> {
                    wakeQueued.set(false);
                    if (!waiting) pump();
                });
            } catch (RejectedExecutionException closing) {
                wakeQueued.set(false); // shutting down: the outbox keeps it for the next start
            }
        }
    }

    private void later(Duration delay) {
        waiting = true;
        thread.schedule(() -> {
            waiting = false;
            pump();
        }, Math.max(delay.toMillis(), 1), TimeUnit.MILLISECONDS);
    }

    private void pump() {
        try {
            while (!disabled && !thread.isShutdown()) {
                if (!claims.mayDeliver()) return; // not the leader: kept in the outbox until woken as leader
                if (ahead.isEmpty()) ahead.addAll(outbox.nextPending(receiver, READ_AHEAD));
                OutboxEntry next = ahead.peekFirst();
                if (next == null) return;
                if (claims.deliveredElsewhere(next.id())) {
                    outbox.markDelivered(next.id(), clock.instant());
                    LOG.info("receiver={} notification={} already delivered by another controller", receiver,
                            next.id());
                    ahead.pollFirst();
                    continue;
                }
                Duration hold = notifier.holdOff();
                if (!hold.isZero()) {
                    later(hold);
                    return;
                }
                boolean goOn = handle(next, send(next));
                ahead.pollFirst();
                if (!goOn) {
                    ahead.clear(); // re-read after a failure: attempts changed, or the receiver is gone
                    return;
                }
            }
        } catch (RuntimeException e) {
            // outbox closed during shutdown, or a disk problem: the notification stays pending for next time
            ahead.clear();
            if (!thread.isShutdown()) {
                LOG.error("receiver={} delivery stopped: {}", receiver, e.toString());
                later(backoff.delay(++failures, null));
            }
        }
    }

    private SendResult send(OutboxEntry n) {
        try {
            return notifier.send(n);
        } catch (RuntimeException e) {
            return new SendResult.Retry(e.getClass().getSimpleName(), null);
        }
    }

    /** Returns true when the next notification may go at once. */
    private boolean handle(OutboxEntry n, SendResult result) {
        Instant now = clock.instant();
        if (result instanceof SendResult.Delivered d) {
            outbox.markDelivered(n.id(), now);
            claims.delivered(n.id());
            LOG.info("receiver={} notification={} incident={} delivered code={} attempts={}", receiver, n.id(),
                    n.alert().incident(), d.code(), n.attempts() + 1);
            recovered();
            return true;
        }
        if (result instanceof SendResult.Retry r) {
            outbox.recordFailure(n.id(), r.reason());
            failures++;
            if (failingSince == null) failingSince = now;
            Duration delay = backoff.delay(failures, r.after());
            LOG.warn("receiver={} notification={} attempt failed: {}; retry in {} ms", receiver, n.id(),
                    r.reason(), delay.toMillis());
            maybeRaiseFailing(now, r.reason());
            later(delay);
            return false;
        }
        if (result instanceof SendResult.Rejected r) {
            outbox.drop(n.id(), r.reason(), now);
            LOG.error("receiver={} notification={} rejected for good: {}", receiver, n.id(), r.reason());
            return true;
        }
        SendResult.Gone g = (SendResult.Gone) result;
        disabled = true;
        int dropped = outbox.dropPending(receiver, g.reason(), now);
        LOG.error("receiver={} disabled: {}; {} pending notification(s) dropped", receiver, g.reason(), dropped);
        alarm.raise("internal:receiver-gone:" + receiver + ":" + now.toEpochMilli(), receiver,
                "Le destinataire « " + receiver + " » a répondu 410 (supprimé) : il est désactivé et ne "
                        + "recevra plus d'alertes jusqu'au redémarrage de Vigie. Vérifiez sa configuration.");
        return false;
    }

    private void maybeRaiseFailing(Instant now, String reason) {
        if (!failingAlerted && !Duration.between(failingSince, now).minus(failingAlertAfter).isNegative()) {
            failingAlerted = true;
            alarm.raise("internal:receiver-failing:" + receiver + ":" + failingSince.toEpochMilli(), receiver,
                    "Le destinataire « " + receiver + " » ne reçoit plus les alertes depuis " + failingSince
                            + " (" + failures + " échecs, dernier : " + reason + "). Les alertes sont conservées et "
                            + "seront remises dès son rétablissement.");
        }
    }

    private void recovered() {
        if (failingAlerted) {
            alarm.raise("internal:receiver-recovered:" + receiver + ":" + failingSince.toEpochMilli(), receiver,
                    "Le destinataire « " + receiver + " » reçoit de nouveau les alertes.");
        }
        failures = 0;
        failingSince = null;
        failingAlerted = false;
    }

    boolean disabled() {
        return disabled;
    }

    void close() {
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("receiver={} did not stop within 5 s", receiver);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
