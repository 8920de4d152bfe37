package fr.vigie.aggregator.vantage;

import java.time.Instant;

/**
 * A vantage whose opinion on a round was not confirmed by enough others: shown in the detail, never on the
 * public status.
 *
 * @param target    target id
 * @param vantage   the vantage that disagreed
 * @param scheduled the round
 * @param outcome   what it saw (the first failed step's outcome, wire name)
 * @param agreeing  how many healthy vantages saw the same failure (itself included)
 * @param quorum    how many were needed
 */
public record Dissent(String target, String vantage, Instant scheduled, String outcome, int agreeing, int quorum) {
}
