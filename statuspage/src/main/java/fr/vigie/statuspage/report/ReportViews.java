package fr.vigie.statuspage.report;

import java.util.List;

/** The records the report templates read: already worded and formatted, links relative to the language root. */
public final class ReportViews {
    private ReportViews() {
    }

    /** The whole report of one incident in one language. */
    public record Report(String id, String title, String intro, String incidentHref, String start, String startIso,
                         String end, String duration, String worst, List<String> supported,
                         List<String> notSupported, List<TimelineRow> timeline, List<ServiceRow> services,
                         String chartsIntro, List<ServiceCharts> charts, String vantageSummary,
                         List<VantageRow> vantages, List<Note> notes, String generated) {
    }

    /** One line of the timeline: a measured state change or a published update. */
    public record TimelineRow(String time, String iso, String kind, String kindText, String subject, String status,
                              String cause, List<String> evidence) {
    }

    /** An affected service with where it is hosted. */
    public record ServiceRow(String name, String href, String kind, String region, String hosting, String worst) {
    }

    /** The two charts of one service and their text alternative (a table per step). */
    public record ServiceCharts(String name, String latencySvg, String errorsSvg, String latencyLabel,
                                String errorsLabel, List<StepRow> steps) {
    }

    /** One step's figures: before the incident and during it. */
    public record StepRow(String step, String before, String during, String failures, String mainFailure) {
    }

    /** What one vantage saw during the incident. */
    public record VantageRow(String id, String runs, String failed) {
    }

    /** A crisis-cell message, shown as written. */
    public record Note(String time, String iso, String author, String text) {
    }
}
