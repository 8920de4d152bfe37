package fr.vigie.subscriptions.mail;

import fr.vigie.aggregator.AggregatorListener;
import fr.vigie.aggregator.Evidence;
import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.IncidentEvent;
import fr.vigie.alerts.content.Alert;
import fr.vigie.alerts.content.AlertKind;
import fr.vigie.alerts.content.ServiceRef;
import fr.vigie.alerts.outbox.NotificationId;
import fr.vigie.alerts.outbox.Outbox;
import fr.vigie.alerts.outbox.OutboxEntry;
import fr.vigie.config.SubscriptionsConfig;
import fr.vigie.config.Target;
import fr.vigie.subscriptions.Links;
import fr.vigie.subscriptions.SubscriptionSections;
import fr.vigie.subscriptions.Topic;
import fr.vigie.subscriptions.store.Subscription;
import fr.vigie.subscriptions.store.SubscriptionStore;
import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * Mail to subscribers, through a durable outbox of its own (the alerts module's {@link Outbox} on another file):
 * what to say is written there first, then one thread sends it. An incident notification is one outbox entry,
 * fanned out to its subscribers in batches of {@code batch-size} over one SMTP connection, at most
 * {@code rate-per-second}; who already received it is kept in the subscription store, so a restart resumes the
 * fan-out without sending anyone a message twice. Confirmation messages are served before the next batch, so
 * a fan-out to thousands never keeps a new subscriber waiting. The crisis cell's alerts never wait for any of
 * this: other file, other threads, other SMTP connections. Logs name subscription ids and counts, never an
 * address.
 */
public final class SubscriberMailer implements AggregatorListener, AutoCloseable {
    public static final String CONFIRMATIONS = "subscriptions.confirmations";
    public static final String INCIDENTS = "subscriptions.incidents";
    /** services joining an incident: told only to subscribers it newly concerns */
    public static final String JOINS = "subscriptions.joins";
    private static final Logger LOG = LoggerFactory.getLogger(SubscriberMailer.class);
    /** the events a subscriber is told of: it broke, what it probably is, what the crisis cell says, it is back */
    private static final Set<IncidentEvent.Type> TOLD = EnumSet.of(IncidentEvent.Type.OPENED,
            IncidentEvent.Type.CAUSE_CHANGED, IncidentEvent.Type.HUMAN_UPDATE, IncidentEvent.Type.RESOLVED);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private final SubscriptionSections config;
    private final SubscriptionsConfig settings;
    private final Outbox outbox;
    private final SubscriptionStore store;
    private final SmtpSender smtp;
    private final SubscriberTexts texts;
    private final Links links;
    private final Clock clock;
    private final Thread worker;
    private final Object signal = new Object();
    private volatile boolean running = true;
    private boolean woken;
    private long nextSendNanos = System.nanoTime();
    private Duration backoff = Duration.ZERO;

    public SubscriberMailer(SubscriptionSections config, Outbox outbox, SubscriptionStore store, SmtpSender smtp,
                            Links links, Clock clock) {
        this.config = config;
        this.settings = config.subscriptionSettings().orElseThrow();
        this.outbox = outbox;
        this.store = store;
        this.smtp = smtp;
        this.links = links;
        this.clock = clock;
        this.texts = new SubscriberTexts(config.site().title(), config.site().timeZone());
        this.worker = new Thread(this::run, "vigie-subscriptions-mailer");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /** Queues the confirmation message of a request (or, for an address already subscribed, a notice). */
    public void requestConfirmation(Subscription subscription, Instant at) {
        String kind = subscription.confirmed() ? "already" : "confirm";
        Alert alert = new Alert(kind + ":" + subscription.id() + ":" + at.toEpochMilli(), AlertKind.INTERNAL, null, 0,
                "subscription:" + subscription.id(), null, null, List.of(), List.of(), at, null, at, null, kind);
        outbox.enqueue(NotificationId.of(alert.key(), CONFIRMATIONS), CONFIRMATIONS, alert, at);
        wake();
    }

    @Override
    public void onIncidentEvent(IncidentEvent event, Incident incident) {
        boolean join = event.type() == IncidentEvent.Type.TARGETS_CHANGED && incident.open() && joined(event, incident);
        if (!incident.isPublic() || !(TOLD.contains(event.type()) || join)) {
            return;
        }
        Instant now = clock.instant();
        List<ServiceRef> services = incident.targets().stream()
                .map(id -> new ServiceRef(id, config.target(id).map(Target::name).orElse(id))).toList();
        String message = event.type() == IncidentEvent.Type.HUMAN_UPDATE ? event.message() : null;
        AlertKind kind = switch (event.type()) {
            case OPENED -> AlertKind.OPENED;
            case RESOLVED -> AlertKind.RESOLVED;
            default -> AlertKind.UPDATED;
        };
        String key = incident.id() + ":" + event.seq();
        Alert alert = new Alert(key, kind, incident.id(), event.seq(), incident.scope(), incident.status(),
                incident.cause(), services, incident.evidence().stream().map(Evidence::fr).toList(),
                incident.openedAt(), incident.resolvedAt(), now,
                config.site().baseUrl() + "/incidents/" + incident.id() + "/", message);
        try {
            String receiver = join ? JOINS : INCIDENTS;
            outbox.enqueue(NotificationId.of(key, receiver), receiver, alert, now);
            wake();
        } catch (RuntimeException e) {
            // never break the aggregator for subscribers; the crisis cell's own alerts are elsewhere
            LOG.error("subscriber notification for incident {} could not be queued: {}", incident.id(), e.toString());
        }
    }

    /** True when {@code event} added a service to the incident (a departure only is not mailed). */
    static boolean joined(IncidentEvent event, Incident incident) {
        List<String> before = List.of();
        for (IncidentEvent e : incident.updates()) {
            if (e.seq() >= event.seq()) {
                break;
            }
            if (!e.targets().isEmpty()) {
                before = e.targets();
            }
        }
        List<String> earlier = before;
        return event.targets().stream().anyMatch(t -> !earlier.contains(t));
    }

    /** Pending outbox entries (metrics, tests). */
    public long pending() {
        return outbox.pendingCount();
    }

    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void run() {
        while (running) {
            try {
                boolean worked = step();
                backoff = Duration.ZERO;
                if (!worked) {
                    idle(Duration.ofSeconds(30));
                }
            } catch (MessagingException e) {
                // relay unreachable or failing: wait, then retry what is not marked sent
                backoff = backoff.isZero() ? Duration.ofSeconds(1)
                        : backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                LOG.warn("subscriber mail: SMTP relay failed ({}), retrying in {} s", e.getClass().getSimpleName(),
                        backoff.toSeconds());
                idle(backoff);
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.error("subscriber mail: {}", e.toString());
                idle(Duration.ofSeconds(5));
            }
        }
    }

    /** One unit of work: a confirmation, or one batch of an incident's fan-out. False when there was none. */
    boolean step() throws MessagingException {
        Optional<OutboxEntry> confirmation = outbox.nextPending(CONFIRMATIONS);
        if (confirmation.isPresent()) {
            sendConfirmation(confirmation.get());
            return true;
        }
        Optional<OutboxEntry> incident = outbox.nextPending(INCIDENTS);
        if (incident.isPresent()) {
            fanOutBatch(incident.get(), false);
            return true;
        }
        Optional<OutboxEntry> join = outbox.nextPending(JOINS);
        if (join.isPresent()) {
            fanOutBatch(join.get(), true);
            return true;
        }
        return false;
    }

    private void sendConfirmation(OutboxEntry entry) throws MessagingException {
        String id = entry.alert().scope().substring("subscription:".length());
        Optional<Subscription> subscription = store.byId(id);
        if (subscription.isEmpty()) {
            outbox.drop(entry.id(), "subscription deleted", clock.instant());
            return;
        }
        Subscription s = subscription.get();
        String following = following(s);
        Mailing mailing;
        Instant now = clock.instant();
        if ("already".equals(entry.alert().message())) {
            String manage = links.manage(id, now);
            String unsubscribe = links.unsubscribe(id, now);
            mailing = new Mailing(entry.id() + "." + id, s.email(), texts.alreadySubject(),
                    texts.alreadyPlain(following) + texts.footerPlain(following, manage, unsubscribe),
                    texts.alreadyHtml(following) + texts.footerHtml(following, manage, unsubscribe), unsubscribe);
        } else {
            Instant until = entry.alert().at().plus(settings.confirmationTtl());
            String link = links.confirm(id, until);
            mailing = new Mailing(entry.id() + "." + id, s.email(), texts.confirmSubject(),
                    texts.confirmPlain(following, link, until), texts.confirmHtml(following, link, until), null);
        }
        pace(1);
        SmtpSender.BatchResult result = smtp.send(List.of(mailing));
        if (result.refused().isEmpty()) {
            outbox.markDelivered(entry.id(), clock.instant());
        } else {
            outbox.drop(entry.id(), "address refused by the relay", clock.instant());
        }
    }

    /**
     * One batch of a notification's fan-out. For a service joining an incident ({@code onlyNew}), only subscribers
     * never told of this incident: those the join newly concerns (and who subscribed since it began).
     */
    private void fanOutBatch(OutboxEntry entry, boolean onlyNew) throws MessagingException {
        Alert alert = entry.alert();
        List<Target> concerned = alert.services().stream().map(s -> config.target(s.id())).flatMap(Optional::stream)
                .toList();
        Set<String> done = store.sentTo(entry.id());
        if (onlyNew) {
            done.addAll(store.toldOf(alert.incident()));
        }
        List<Subscription> batch = new ArrayList<>();
        for (Subscription s : store.confirmed()) {
            if (!done.contains(s.id()) && concerns(s, concerned)) {
                batch.add(s);
                if (batch.size() == settings.batchSize()) {
                    break;
                }
            }
        }
        if (batch.isEmpty()) {
            outbox.markDelivered(entry.id(), clock.instant());
            LOG.info("subscriber notification {} sent to {} subscriber(s)", alert.key(),
                    store.sentTo(entry.id()).size());
            return;
        }
        Instant now = clock.instant();
        String subject = texts.incidentSubject(alert);
        String plain = texts.incidentPlain(alert);
        String html = texts.incidentHtml(alert);
        List<Mailing> mailings = new ArrayList<>();
        for (Subscription s : batch) {
            String following = following(s);
            String manage = links.manage(s.id(), now);
            String unsubscribe = links.unsubscribe(s.id(), now);
            mailings.add(new Mailing(entry.id() + "." + s.id(), s.email(), subject,
                    plain + texts.footerPlain(following, manage, unsubscribe),
                    html + texts.footerHtml(following, manage, unsubscribe), unsubscribe));
        }
        pace(mailings.size());
        SmtpSender.BatchResult result = smtp.send(mailings);
        // refused addresses are marked too: a mailbox that does not exist is not retried at every batch
        store.markSent(entry.id(), alert.incident(), batch.stream().map(Subscription::id).toList());
        if (batch.size() < settings.batchSize()) {
            // a short batch was the last one
            outbox.markDelivered(entry.id(), clock.instant());
            LOG.info("subscriber notification {} sent to {} subscriber(s)", alert.key(),
                    store.sentTo(entry.id()).size());
        }
        if (!result.refused().isEmpty()) {
            LOG.info("subscriber notification {}: {} address(es) refused by the relay", alert.key(),
                    result.refused().size());
        }
    }

    private boolean concerns(Subscription s, List<Target> concerned) {
        for (String wire : s.topics()) {
            Optional<Topic> topic = Topic.parse(wire, config.targets());
            if (topic.isPresent() && concerned.stream().anyMatch(topic.get()::covers)) {
                return true;
            }
        }
        return false;
    }

    private String following(Subscription s) {
        return s.topics().stream().map(w -> Topic.parse(w, config.targets())).flatMap(Optional::stream)
                .map(t -> t.label(config.targets())).collect(Collectors.joining(", "));
    }

    /** Keeps to rate-per-second: waits until {@code messages} more may go. */
    private void pace(int messages) {
        long now = System.nanoTime();
        if (nextSendNanos < now) {
            nextSendNanos = now;
        }
        long wait = nextSendNanos - now;
        nextSendNanos += messages * 1_000_000_000L / settings.ratePerSecond();
        if (wait > 0) {
            LockSupport.parkNanos(wait); // rate pacing, not synchronisation
        }
    }

    private void idle(Duration duration) {
        synchronized (signal) {
            long deadline = System.nanoTime() + duration.toNanos();
            while (running && !woken) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    signal.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            woken = false;
        }
    }

    @Override
    public void close() {
        running = false;
        wake();
        try {
            worker.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
