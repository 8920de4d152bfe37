/** The vigie command line: wires config, probes, aggregator, statuspage and alerts. */
package fr.vigie.app;
