package fr.vigie.config;

import java.time.Duration;

/**
 * Classifier and incident tuning. Defaults are documented in docs/config.md and docs/classifier.md.
 *
 * @param openAfterRounds   rounds the evidence must hold before a non-operational status is published
 * @param closeAfterRounds  healthy rounds before a status returns to operational and an incident resolves
 * @param window            correlation horizon: how old another target's latest round may be and still count as "now"
 * @param slowFactor        latency above this multiple of baseline counts as degraded
 */
public record ClassifierConfig(int openAfterRounds, int closeAfterRounds, Duration window, double slowFactor) {
    public static ClassifierConfig defaults() {
        return new ClassifierConfig(2, 3, Duration.ofMinutes(10), 3.0);
    }
}
