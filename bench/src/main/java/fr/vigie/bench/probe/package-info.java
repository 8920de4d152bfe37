/** Probe benchmark: journeys per second, CPU per journey and phase-timing error against local simulated targets. */
package fr.vigie.bench.probe;
