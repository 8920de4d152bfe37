package fr.vigie.aggregator.classify;

import fr.vigie.aggregator.Cause;

/**
 * The public rule: a cause is named only when its confidence reaches {@link #MIN_CONFIDENCE}; below it, the page,
 * feeds, JSON and alerts say "cause en cours d'analyse" ({@link Cause#UNKNOWN}) and the evidence says which cause
 * leads so far. A withheld cause costs the public less than a wrong one.
 */
final class PublicationBar {
    /**
     * Chosen on the first fault model (fast mode, seed 42) as the lowest confidence at which published causes were
     * right at least 95 % of the time (docs/classifier.md, calibration); never fitted on the held-out model.
     */
    static final double MIN_CONFIDENCE = 0.6;
    /** Confidence bonus when services of the same host fail together: correlation is independent evidence. */
    static final double GROUP_BONUS = 0.05;

    private PublicationBar() {
    }

    static double confidence(EpisodeCauses.Finding f, boolean groupWide) {
        double c = Math.min(0.99, f.share() * f.strength() + (groupWide ? GROUP_BONUS : 0));
        return Math.round(c * 100) / 100.0;
    }

    static boolean publishable(Cause cause, double confidence) {
        return cause == Cause.VANTAGE || cause == Cause.MAINTENANCE || confidence >= MIN_CONFIDENCE;
    }
}
