/**
 * Fast mode: computes probe results for a scenario on a simulated clock (no real waiting) from the same capacity and
 * cost model as the live simulator, in a fluid approximation, and writes them as a trace (docs/trace-format.md)
 * with the ground truth; plus the seeded generator of the scenario suite.
 */
package fr.vigie.simulator.fast;
