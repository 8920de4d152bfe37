/**
 * Probes: scheduled synthetic journeys that log into each target like a parent would, time each phase
 * and name each failure. The public contract is {@link fr.vigie.probes.StepResult}, one per step.
 */
package fr.vigie.probes;
