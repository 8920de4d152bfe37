/** Scenario files (YAML, times as offsets in seconds) and the player that injects their faults on real time. */
package fr.vigie.simulator.scenario;
