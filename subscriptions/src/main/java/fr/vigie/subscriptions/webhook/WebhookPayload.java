package fr.vigie.subscriptions.webhook;

import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.IncidentEvent;
import fr.vigie.alerts.content.Alert;
import fr.vigie.alerts.content.ServiceRef;
import fr.vigie.subscriptions.mail.SubscriberTexts;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.Locale;

/**
 * The JSON body of a webhook delivery (documented in docs/subscriptions.md#webhooks): machine fields (ids, wire
 * names) and the French texts of the public page. The cause is named only as the public page names it: "probable"
 * when the classifier's confidence passed the publication bar, else withheld ({@code cause} null, "cause en cours
 * d'analyse").
 */
public final class WebhookPayload {
    private WebhookPayload() {
    }

    /**
     * The outbox keeps an {@link Alert}; its key is {@code <incident>:<seq>:<event type>} so the body says which
     * event it reflects.
     */
    static String key(IncidentEvent event) {
        return event.incidentId() + ":" + event.seq() + ":" + event.type().name();
    }

    static IncidentEvent.Type eventOf(Alert alert) {
        String key = alert.key();
        return IncidentEvent.Type.valueOf(key.substring(key.lastIndexOf(':') + 1));
    }

    /** {@code incident.opened}, {@code incident.cause_changed}, {@code incident.message}... */
    static String type(IncidentEvent.Type event) {
        return "incident." + switch (event) {
            case HUMAN_UPDATE -> "message";
            case TARGETS_CHANGED -> "services_changed";
            default -> event.name().toLowerCase(Locale.ROOT);
        };
    }

    public static String body(String notificationId, String subscription, Alert a) {
        IncidentEvent.Type event = eventOf(a);
        boolean named = a.cause() != null && a.cause() != Cause.UNKNOWN && a.cause() != Cause.NONE
                && a.cause() != Cause.VANTAGE;
        JsonArray services = new JsonArray();
        for (ServiceRef s : a.services()) {
            services.add(new JsonObject().put("id", s.id()).put("name", s.name()));
        }
        String summary = (a.resolvedAt() != null ? "Rétabli : " : "Perturbation : ")
                + SubscriberTexts.services(a.services())
                + (a.resolvedAt() != null ? "" : " – " + SubscriberTexts.status(a.status()) + " – "
                + SubscriberTexts.cause(a.cause()));
        JsonObject data = new JsonObject()
                .put("id", notificationId)
                .put("subscription", subscription)
                .put("event", type(event).substring("incident.".length()))
                .put("incident", a.incident())
                .put("seq", a.seq())
                .put("status", a.status() == null ? null : a.status().wire())
                .put("statusText", SubscriberTexts.status(a.status()))
                .put("cause", named ? a.cause().wire() : null)
                .put("causeConfidence", named ? "probable" : "withheld")
                .put("causeText", SubscriberTexts.cause(a.cause()))
                .put("services", services)
                .put("evidence", new JsonArray(a.evidence()))
                .put("message", a.message())
                .put("startedAt", iso(a.startedAt()))
                .put("resolvedAt", iso(a.resolvedAt()))
                .put("at", iso(a.at()))
                .put("link", a.link())
                .put("summary", summary);
        return new JsonObject().put("type", type(event)).put("timestamp", iso(a.at())).put("data", data).encode();
    }

    private static String iso(Instant at) {
        return at == null ? null : at.toString();
    }
}
