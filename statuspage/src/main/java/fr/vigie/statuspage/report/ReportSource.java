package fr.vigie.statuspage.report;

import fr.vigie.aggregator.Incident;

/** What the reports read beyond the snapshot: the measurements around one incident. */
public interface ReportSource {
    /** No store behind the site: no reports are generated. */
    ReportSource NONE = incident -> null;

    /** The measurements around {@code incident}, or null when none can be read. */
    ReportData load(Incident incident);
}
