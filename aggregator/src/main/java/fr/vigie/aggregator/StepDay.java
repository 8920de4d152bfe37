package fr.vigie.aggregator;

import java.time.LocalDate;

/**
 * One step of one target's journey over one local day (site time zone), for the open data: how often it succeeded
 * and how long it took when it did. Steps not run (skipped) and Vigie's own failures are not attempts; results inside
 * a declared maintenance window are left out.
 *
 * @param attempts     steps run that day (from every vantage)
 * @param ok           of which succeeded
 * @param medianMs     median time of the successful steps, in milliseconds, or NaN when none succeeded
 * @param p90Ms        90th percentile of the same, or NaN
 */
public record StepDay(LocalDate date, String step, int attempts, int ok, double medianMs, double p90Ms) {
    /** Share of attempts that succeeded, between 0 and 1. */
    public double availability() {
        return attempts == 0 ? Double.NaN : (double) ok / attempts;
    }
}
