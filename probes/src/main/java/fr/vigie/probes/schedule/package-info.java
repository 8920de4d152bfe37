/**
 * Scheduling: Quartz fires each target's rounds, spread over the interval, one journey in flight per target;
 * results go to the event bus and, optionally, to a JSON-Lines trace. Entry point: {@link fr.vigie.probes.schedule.ProbeEngine}.
 */
package fr.vigie.probes.schedule;
