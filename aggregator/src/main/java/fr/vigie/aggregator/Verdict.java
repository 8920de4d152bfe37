package fr.vigie.aggregator;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What Vigie says about one target at one time. A new verdict is emitted only when it changes.
 *
 * @param ts         time of the result that decided it (result clock, so replay equals live)
 * @param target     target id
 * @param status     Statuspage status
 * @param cause      primary probable cause
 * @param causes     every cause that holds (saturation and attack can coincide)
 * @param confidence 0..1
 * @param evidence   the figures that decided, in words
 * @param incident   id of the incident this target belongs to, or null
 */
public record Verdict(Instant ts, String target, Status status, Cause cause, Set<Cause> causes,
                      double confidence, List<Evidence> evidence, String incident) {
    public Verdict {
        causes = Set.copyOf(causes);
        evidence = List.copyOf(evidence);
    }

    /** Same status, cause and causes: a change in evidence or figures alone is not a new verdict. */
    public boolean sameStateAs(Verdict other) {
        return other != null && status == other.status && cause == other.cause && causes.equals(other.causes)
                && java.util.Objects.equals(incident, other.incident);
    }
}
