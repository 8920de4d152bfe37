/**
 * Fault injection: fault types and requests, the engine that turns active faults into listener modes, HTTP effects,
 * names gone from the fleet's DNS, crowds and held workers, the admin HTTP API, and the ground-truth JSON Lines writer.
 */
package fr.vigie.simulator.faults;
