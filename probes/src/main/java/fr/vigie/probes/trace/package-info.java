/** The JSON-Lines trace: one {@link fr.vigie.probes.StepResult} per line (docs/trace-format.md). */
package fr.vigie.probes.trace;
