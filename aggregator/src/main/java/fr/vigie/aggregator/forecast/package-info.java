/**
 * The headroom forecast (issue 17): from each target's own probe history only (passive: Vigie never loads a
 * platform), how close its login runs to the knee at the morning rush, day after day, and the risk that the next
 * school morning saturates, with the measured evidence and the forecast's uncertainty. {@link
 * fr.vigie.aggregator.forecast.MorningHistory} reads the store, {@link fr.vigie.aggregator.forecast.HeadroomModel}
 * fits (Apache Commons Math), {@link fr.vigie.aggregator.forecast.ForecastWording} says it in French.
 */
package fr.vigie.aggregator.forecast;
