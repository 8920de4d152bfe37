/**
 * Incident reports: for each resolved public incident, a page, a PDF and a JSON file a journalist or the ministry
 * can quote (timeline of what was measured and what was published, per-step charts with the incident shaded,
 * affected services, vantages, crisis-cell notes, what the data supports and what it does not). Data comes from
 * the store through {@link fr.vigie.statuspage.report.ReportSource}; everything else from the incident itself.
 */
package fr.vigie.statuspage.report;
