/**
 * k-of-n confirmation across vantages, before the classifier: {@link fr.vigie.aggregator.vantage.VantageVote}
 * gathers each target's round from every vantage, keeps the healthy ones (heartbeat, clock, control targets)
 * and passes the classifier one run that says what at least k of them saw. What the site may show about it is
 * {@link fr.vigie.aggregator.vantage.VantageReport}.
 */
package fr.vigie.aggregator.vantage;
