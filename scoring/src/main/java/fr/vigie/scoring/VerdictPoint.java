package fr.vigie.scoring;

import java.time.Instant;
import java.util.Set;

/** One verdict change of a target: from ts on, this status and these causes hold until the target's next change. */
public record VerdictPoint(Instant ts, String target, String status, Set<String> causes) {
    public static final String OPERATIONAL = "operational";

    public VerdictPoint {
        causes = Set.copyOf(causes);
    }

    /** From a live verdict ({@code Cause.NONE} dropped from its causes). */
    public static VerdictPoint from(fr.vigie.aggregator.Verdict v) {
        Set<String> causes = new java.util.HashSet<>();
        v.causes().forEach(c -> causes.add(c.wire()));
        if (causes.isEmpty()) {
            causes.add(v.cause().wire());
        }
        causes.remove("none");
        return new VerdictPoint(v.ts(), v.target(), v.status().wire(), causes);
    }

    /** Any status but operational is an alarm (maintenance included: it is a non-operational verdict). */
    public boolean alarm() {
        return !OPERATIONAL.equals(status);
    }
}
