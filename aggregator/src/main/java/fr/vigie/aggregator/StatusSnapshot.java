package fr.vigie.aggregator;

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
 */
public record StatusSnapshot(Instant at, Instant lastRound, int vantages, boolean vantageImpaired,
                             Map<String, Verdict> current, List<Incident> incidents,
                             Map<String, List<DayStatus>> history, Map<String, List<LatencyPoint>> latency24h,
                             Map<String, List<LatencyPoint>> latency7d, Map<String, Instant> lastProbe) {
    /** A snapshot without per-target probe times (replays, tests). */
    public StatusSnapshot(Instant at, Instant lastRound, int vantages, boolean vantageImpaired,
                          Map<String, Verdict> current, List<Incident> incidents,
                          Map<String, List<DayStatus>> history, Map<String, List<LatencyPoint>> latency24h,
                          Map<String, List<LatencyPoint>> latency7d) {
        this(at, lastRound, vantages, vantageImpaired, current, incidents, history, latency24h, latency7d, Map.of());
    }

    public StatusSnapshot {
        lastProbe = lastProbe == null ? Map.of() : Map.copyOf(lastProbe);
        current = Map.copyOf(current);
        incidents = List.copyOf(incidents);
        history = Map.copyOf(history);
        latency24h = Map.copyOf(latency24h);
        latency7d = Map.copyOf(latency7d);
    }
}
