/**
 * Offline replay ({@code vigie classify}): a recorded trace goes through the same {@link fr.vigie.aggregator.Aggregator}
 * as live results, with the results' own timestamps as the clock; output format in docs/classify-output.md.
 */
package fr.vigie.aggregator.replay;
