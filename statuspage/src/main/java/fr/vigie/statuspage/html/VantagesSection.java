package fr.vigie.statuspage.html;

import fr.vigie.aggregator.vantage.VantageHealth;
import fr.vigie.aggregator.vantage.VantageReport;
import fr.vigie.statuspage.model.LocalTimes;
import fr.vigie.statuspage.model.Texts;

import java.util.List;

/**
 * The about page's "points de mesure" part when a cluster controller renders the site: how many vantages count,
 * which are excluded and why, and whether confidence is partial (fewer healthy vantages than the quorum).
 */
final class VantagesSection {
    private final Texts texts;
    private final LocalTimes times;

    VantagesSection(Texts texts, LocalTimes times) {
        this.texts = texts;
        this.times = times;
    }

    /** @return the section, or null for a single process (no report) */
    Views.Vantages view(VantageReport report) {
        if (report == null) {
            return null;
        }
        List<Views.VantageRow> rows = report.vantages().stream().map(this::row).toList();
        return new Views.Vantages(
                texts.format("about.vantages.summary", report.healthyCount(), report.expected(), report.quorum()),
                report.partialConfidence(), rows);
    }

    private Views.VantageRow row(VantageHealth h) {
        String state = h.healthy() ? texts.get("about.vantages.healthy")
                : texts.format("about.vantages.excluded", h.reason() == null || h.reason().isBlank() ? "?" : h.reason());
        String heartbeat = h.lastHeartbeat() == null ? texts.get("about.vantages.never")
                : texts.format("about.vantages.heartbeat", times.relative(h.lastHeartbeat()));
        String offset = h.clockOffset() == null ? null
                : texts.format("about.vantages.offset", h.clockOffset().toMillis());
        return new Views.VantageRow(h.vantage(), h.healthy(), state, heartbeat, offset);
    }
}
