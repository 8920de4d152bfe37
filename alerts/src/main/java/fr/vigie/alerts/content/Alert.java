package fr.vigie.alerts.content;

import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Status;

import java.time.Instant;
import java.util.List;

/**
 * One thing to tell the crisis cell, before it is rendered for a receiver. Stored as JSON in the outbox
 * and sent as the {@code data} of the webhook payload.
 *
 * @param key       stable key of this notification (incident id, event seq, repeat number); with the receiver
 *                  name it gives the notification id
 * @param kind      why it is sent
 * @param incident  incident id, or null for an internal alert not tied to an incident
 * @param seq       sequence number of the latest incident event it reflects (0 for internal alerts)
 * @param scope     {@code target:<id>}, {@code hosting:<group>}, {@code vantage} or {@code internal}
 * @param status    worst current status (null for internal alerts)
 * @param cause     probable cause (null for internal alerts)
 * @param services  affected services, display names included
 * @param evidence  the figures that decided, in French
 * @param startedAt when the incident (or the internal problem) began
 * @param resolvedAt when it was resolved, or null
 * @param at        when the notification was decided
 * @param link      public incident page, or null
 * @param message   free text: a human update, or the text of an internal alert; may be null
 */
public record Alert(String key, AlertKind kind, String incident, long seq, String scope, Status status, Cause cause,
                    List<ServiceRef> services, List<String> evidence, Instant startedAt, Instant resolvedAt,
                    Instant at, String link, String message) {
    public Alert {
        services = services == null ? List.of() : List.copyOf(services);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
