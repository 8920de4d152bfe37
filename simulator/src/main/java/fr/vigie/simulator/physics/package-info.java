/**
 * Second, independent fault model ("physics"): a discrete-event generator of probe traces in which every effect
 * emerges from a mechanism written from the networking and systems physics (M/M/c/K server pools with finite
 * queues, listen backlogs under SYN floods, TCP retransmission timers, disk I/O latency and failure modes, DNS
 * caching, WAF challenges, declared maintenance, the prober's own uplink), with its ground truth. It shares only
 * the output layout with the fast mode ({@code fr.vigie.simulator.fast}), none of its mechanisms, so that a
 * classifier tuned on one can be scored on the other. See docs/simulator.md, "Second fault model (physics)".
 */
package fr.vigie.simulator.physics;
