/**
 * The incident log: append-only {@link fr.vigie.aggregator.IncidentEvent}s grouping the targets that share a
 * cause and a hosting group; current state is their fold, rebuilt from the store after a restart.
 */
package fr.vigie.aggregator.incident;
