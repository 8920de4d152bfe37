/**
 * Running one journey: templating, forms, one fresh connection per HTTP hop with timed phases,
 * bounded bodies and deadlines, and the mapping of every response or failure to one {@link fr.vigie.probes.Outcome}.
 */
package fr.vigie.probes.run;
