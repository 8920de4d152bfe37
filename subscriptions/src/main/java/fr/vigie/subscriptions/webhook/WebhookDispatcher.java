package fr.vigie.subscriptions.webhook;

import fr.vigie.aggregator.AggregatorListener;
import fr.vigie.aggregator.Evidence;
import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.IncidentEvent;
import fr.vigie.alerts.content.Alert;
import fr.vigie.alerts.content.AlertKind;
import fr.vigie.alerts.content.ServiceRef;
import fr.vigie.alerts.outbox.NotificationId;
import fr.vigie.alerts.outbox.Outbox;
import fr.vigie.config.SubscriptionsConfig;
import fr.vigie.config.Target;
import fr.vigie.subscriptions.SubscriptionSections;
import fr.vigie.subscriptions.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Public incident events to webhook subscribers: one outbox entry per event and verified subscription concerned
 * (directly, by region, by académie or all), its id stable ({@code msg_<hash(event, subscription)>}), so an event
 * replayed is never queued twice. Machines are told more than mailboxes: status changes and services joining or
 * leaving too. Evidence-only updates are not sent (the next notification carries them).
 */
public final class WebhookDispatcher implements AggregatorListener {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    static final Set<IncidentEvent.Type> SENT = EnumSet.of(IncidentEvent.Type.OPENED, IncidentEvent.Type.STATUS_CHANGED,
            IncidentEvent.Type.CAUSE_CHANGED, IncidentEvent.Type.TARGETS_CHANGED, IncidentEvent.Type.HUMAN_UPDATE,
            IncidentEvent.Type.RESOLVED);

    private final SubscriptionSections config;
    private final SubscriptionsConfig.Webhooks settings;
    private final WebhookStore store;
    private final Outbox outbox;
    private final WebhookDelivery delivery;
    private final Clock clock;

    public WebhookDispatcher(SubscriptionSections config, WebhookStore store, Outbox outbox, WebhookDelivery delivery,
                             Clock clock) {
        this.config = config;
        this.settings = config.subscriptionSettings().orElseThrow().webhooks();
        this.store = store;
        this.outbox = outbox;
        this.delivery = delivery;
        this.clock = clock;
    }

    @Override
    public void onIncidentEvent(IncidentEvent event, Incident incident) {
        if (!incident.isPublic() || !SENT.contains(event.type())) {
            return;
        }
        try {
            dispatch(event, incident);
        } catch (RuntimeException e) {
            // never break the aggregator for webhook subscribers
            LOG.error("webhook notifications for incident {} could not be queued: {}", incident.id(), e.toString());
        }
    }

    private void dispatch(IncidentEvent event, Incident incident) {
        Instant now = clock.instant();
        List<Target> concerned = incident.targets().stream().map(config::target).flatMap(Optional::stream).toList();
        List<ServiceRef> services = incident.targets().stream()
                .map(id -> new ServiceRef(id, config.target(id).map(Target::name).orElse(id))).toList();
        AlertKind kind = switch (event.type()) {
            case OPENED -> AlertKind.OPENED;
            case RESOLVED -> AlertKind.RESOLVED;
            default -> AlertKind.UPDATED;
        };
        String message = event.type() == IncidentEvent.Type.HUMAN_UPDATE ? event.message() : null;
        Alert alert = new Alert(WebhookPayload.key(event), kind, incident.id(), event.seq(), incident.scope(),
                incident.status(), incident.cause(), services, incident.evidence().stream().map(Evidence::fr).toList(),
                incident.openedAt(), incident.resolvedAt(), event.ts(),
                config.site().baseUrl() + "/incidents/" + incident.id() + "/", message);
        for (Webhook w : store.inState(Webhook.State.VERIFIED)) {
            if (!concerns(w, concerned)) {
                continue;
            }
            if (outbox.pendingCount(w.receiver()) >= settings.maxPending()) {
                delivery.disable(w, "Plus de " + settings.maxPending() + " notifications attendaient ce récepteur : "
                        + "l'abonnement est désactivé.", now);
                continue;
            }
            if (outbox.enqueue(NotificationId.of(alert.key(), w.receiver()), w.receiver(), alert, now)) {
                delivery.kick(w.id());
            }
        }
    }

    private boolean concerns(Webhook w, List<Target> concerned) {
        for (String wire : w.topics()) {
            Optional<Topic> topic = Topic.parse(wire, config.targets());
            if (topic.isPresent() && concerned.stream().anyMatch(topic.get()::covers)) {
                return true;
            }
        }
        return false;
    }
}
