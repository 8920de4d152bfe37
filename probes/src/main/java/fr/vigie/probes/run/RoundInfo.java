package fr.vigie.probes.run;

import java.time.Instant;
import java.util.UUID;

/**
 * One scheduled run of a journey.
 *
 * @param scheduled   when it was due
 * @param maintenance inside a declared maintenance window
 * @param runId       id shared by the run's step results
 */
public record RoundInfo(Instant scheduled, boolean maintenance, String runId) {
    public static RoundInfo now() {
        return new RoundInfo(Instant.now(), false, UUID.randomUUID().toString());
    }

    public static RoundInfo of(Instant scheduled, boolean maintenance) {
        return new RoundInfo(scheduled, maintenance, UUID.randomUUID().toString());
    }
}
