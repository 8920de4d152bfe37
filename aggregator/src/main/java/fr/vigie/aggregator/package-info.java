/**
 * Aggregator: stores every step result, decides per target a status and a probable cause with evidence
 * ({@link fr.vigie.aggregator.Verdict}), and keeps the append-only incident log
 * ({@link fr.vigie.aggregator.IncidentEvent}). Statuspage and alerts read it through
 * {@link fr.vigie.aggregator.StatusSnapshot} and {@link fr.vigie.aggregator.AggregatorListener}.
 */
package fr.vigie.aggregator;
