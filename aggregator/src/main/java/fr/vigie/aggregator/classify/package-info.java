/**
 * The classifier: per target, from the results' own timestamps only, a status and a probable cause with
 * evidence in French and English. Pure and deterministic, so live and replay give the same verdicts.
 * See docs/classifier.md for the signals and thresholds.
 */
package fr.vigie.aggregator.classify;
