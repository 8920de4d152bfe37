package fr.vigie.bench.scoring;

import java.time.Instant;
import java.util.Set;

/** One verdict change of a target: from ts on, this status and these causes hold until the target's next change. */
public record VerdictPoint(Instant ts, String target, String status, Set<String> causes) {
    public static final String OPERATIONAL = "operational";

    public VerdictPoint {
        causes = Set.copyOf(causes);
    }

    /** Any status but operational is an alarm (maintenance included: it is a non-operational verdict). */
    public boolean alarm() {
        return !OPERATIONAL.equals(status);
    }
}
