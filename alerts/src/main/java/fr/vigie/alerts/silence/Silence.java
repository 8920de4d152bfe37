package fr.vigie.alerts.silence;

import fr.vigie.alerts.routing.IncidentLabels;

import java.time.Instant;
import java.util.List;

/**
 * A silence set by a member of the crisis cell: every matcher must match (an empty list matches everything).
 *
 * @param id        registry-assigned id
 * @param createdBy who set it
 * @param comment   why
 * @param createdAt when it was set
 * @param until     end of the silence (exclusive)
 * @param expiredAt when it was expired early, or null
 */
public record Silence(String id, String createdBy, String comment, Instant createdAt, Instant until,
                      List<SilenceMatcher> matchers, Instant expiredAt) {
    public Silence {
        matchers = List.copyOf(matchers);
    }

    public boolean activeAt(Instant t) {
        Instant end = expiredAt != null && expiredAt.isBefore(until) ? expiredAt : until;
        return !t.isBefore(createdAt) && t.isBefore(end);
    }

    public boolean mutes(IncidentLabels labels, Instant at) {
        return activeAt(at) && matchers.stream().allMatch(m -> m.matches(labels));
    }
}
