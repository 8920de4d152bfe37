package fr.vigie.aggregator;

import fr.vigie.aggregator.vantage.VantageReport;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the public site needs, read at one instant. Pure data: the same snapshot renders
 * byte-identical pages.
 *
 * @param at              when the snapshot was taken
 * @param lastRound       time of the latest probe result, or null
 * @param vantages        how many probe sites contributed
 * @param vantageImpaired true when Vigie's own probing is impaired (shown as a notice, not as outages)
 * @param current         latest verdict per target id
 * @param incidents       every incident, newest first
 * @param history         90 days per target id, oldest first
 * @param latency24h      response time over 24 h per target id
 * @param latency7d       response time over 7 days per target id
 * @param lastProbe       time of the latest probe result per target id (a verdict only changes with the state;
 *                        this moves with every round); a target probed before a restart may be missing
 * @param vantageReport   a cluster controller's view of its vantages (who counts, who is excluded and why, whether
 *                        confidence is partial); null for a single process
 * @param steps           per-step daily figures per target id over the history days, oldest first (open data);
 *                        empty when not computed (replays, tests)
 */
public record StatusSnapshot(Instant at, Instant lastRound, int vantages, boolean vantageImpaired,
                             Map<String, Verdict> current, List<Incident> incidents,
                             Map<String, List<DayStatus>> history, Map<String, List<LatencyPoint>> latency24h,
                             Map<String, List<LatencyPoint>> latency7d, Map<String, Instant> lastProbe,
                             VantageReport vantageReport, Map<String, List<StepDay>> steps) {
    /** A snapshot without per-step figures. */
    public StatusSnapshot(Instant at, Instant lastRound, int vantages, boolean vantageImpaired,
                          Map<String, Verdict> current, List<Incident> incidents,
                          Map<String, List<DayStatus>> history, Map<String, List<LatencyPoint>> latency24h,
                          Map<String, List<LatencyPoint>> latency7d, Map<String, Instant> lastProbe,
                          VantageReport vantageReport) {
        this(at, lastRound, vantages, vantageImpaired, current, incidents, history, latency24h, latency7d, lastProbe,
                vantageReport, Map.of());
    }

    /** A snapshot of a single process (no vantage report). */
    public StatusSnapshot(Instant at, Instant lastRound, int vantages, boolean vantageImpaired,
                          Map<String, Verdict> current, List<Incident> incidents,
                          Map<String, List<DayStatus>> history, Map<String, List<LatencyPoint>> latency24h,
                          Map<String, List<LatencyPoint>> latency7d, Map<String, Instant> lastProbe) {
        this(at, lastRound, vantages, vantageImpaired, current, incidents, history, latency24h, latency7d, lastProbe,
                null);
    }

    /** A snapshot without per-target probe times (replays, tests). */
    public StatusSnapshot(Instant at, Instant lastRound, int vantages, boolean vantageImpaired,
                          Map<String, Verdict> current, List<Incident> incidents,
                          Map<String, List<DayStatus>> history, Map<String, List<LatencyPoint>> latency24h,
                          Map<String, List<LatencyPoint>> latency7d) {
        this(at, lastRound, vantages, vantageImpaired, current, incidents, history, latency24h, latency7d, Map.of());
    }

    /** The same snapshot with a cluster controller's vantage report. */
    public StatusSnapshot withVantageReport(VantageReport report) {
        return new StatusSnapshot(at, lastRound, vantages, vantageImpaired, current, incidents, history, latency24h,
                latency7d, lastProbe, report, steps);
    }

    /** The same snapshot with per-step daily figures. */
    public StatusSnapshot withSteps(Map<String, List<StepDay>> perTarget) {
        return new StatusSnapshot(at, lastRound, vantages, vantageImpaired, current, incidents, history, latency24h,
                latency7d, lastProbe, vantageReport, perTarget);
    }

    public StatusSnapshot {
        lastProbe = lastProbe == null ? Map.of() : Map.copyOf(lastProbe);
        current = Map.copyOf(current);
        incidents = List.copyOf(incidents);
        history = Map.copyOf(history);
        latency24h = Map.copyOf(latency24h);
        latency7d = Map.copyOf(latency7d);
        steps = steps == null ? Map.of() : Map.copyOf(steps);
    }
}
