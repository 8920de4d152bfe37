package fr.vigie.aggregator.classify;

import fr.vigie.config.TargetKind;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The latest round of every target, to correlate: targets of one hosting group failing together, a control
 * target failing, or nearly every target unreachable at once (then the fault is on the probing side).
 */
final class FleetView {
    /** Share of recently probed targets that must be unreachable together to blame the vantage point. */
    static final double VANTAGE_SHARE = 0.8;
    static final int VANTAGE_MIN_TARGETS = 3;
    /**
     * Share of recently probed services failing that, with the control target in trouble, blames our own path: loss
     * on the vantage's uplink fails most services (any one of a journey's packets may be lost), a crowd or a flood
     * fails the services of one platform.
     */
    static final double OWN_PATH_SHARE = 0.5;

    private final Map<String, Entry> latest = new LinkedHashMap<>();
    /** Per control target: its clean rounds in a row since it last showed trouble (max value: never troubled). */
    private final Map<String, Integer> controlCleanRounds = new LinkedHashMap<>();
    private final Duration horizon;
    private final int clearRounds;

    /**
     * @param horizon     how old a target's latest round may be and still count as "now"
     * @param clearRounds clean rounds a control target needs before Vigie trusts its own path again
     */
    FleetView(Duration horizon, int clearRounds) {
        this.horizon = horizon;
        this.clearRounds = Math.max(1, clearRounds);
    }

    /**
     * @param troubled for a control target: it failed, or it answered only after SYN retransmissions (our own path
     *                 drops packets even when the control still answers)
     */
    void update(String target, String group, TargetKind kind, Instant ts, boolean unhealthy, boolean networkish,
                boolean troubled) {
        update(target, group, kind, ts, unhealthy, networkish, troubled, false, false);
    }

    /**
     * @param losesConnections the round lost connections (resets, connect time-outs, SYNs resent)
     * @param loaded           the round was slow or failed with load symptoms
     */
    void update(String target, String group, TargetKind kind, Instant ts, boolean unhealthy, boolean networkish,
                boolean troubled, boolean losesConnections, boolean loaded) {
        Entry before = latest.get(target);
        Stamps was = before == null ? Stamps.NEVER : before.stamps;
        boolean loss = unhealthy && losesConnections;
        Stamps now = new Stamps(unhealthy ? ts : was.unhealthy, loss ? ts : was.loss, loss ? was.loss : was.lossBefore,
                loaded ? ts : was.loaded, loaded ? was.loaded : was.loadedBefore);
        latest.put(target, new Entry(target, group, kind, ts, before == null ? null : before.ts, unhealthy, networkish,
                losesConnections, now, was));
        if (kind == TargetKind.CONTROL) {
            int clean = controlCleanRounds.getOrDefault(target, Integer.MAX_VALUE);
            controlCleanRounds.put(target, troubled ? 0 : clean == Integer.MAX_VALUE ? clean : clean + 1);
        }
    }

    /**
     * This target's latest round was blamed on the vantage: it says nothing about its host, so it does not count in
     * the host's scope (a host's neighbours failing during our own outage are not its neighbours failing).
     */
    void blamedOnVantage(String target) {
        Entry e = latest.get(target);
        if (e != null) {
            latest.put(target, new Entry(e.target, e.group, e.kind, e.ts, e.previousTs, e.unhealthy, e.networkish,
                    e.losesConnections, e.previous, e.previous));
        }
    }

    /**
     * Hosting groups (an ungrouped target is its own) whose services lose connections in their latest round: loss on
     * several independent hosts at once has one common element, the prober's own path.
     */
    int hostsLosingConnections(Instant ts) {
        Set<String> groups = new HashSet<>();
        for (Entry e : latest.values()) {
            if (recent(e, ts) && e.kind != TargetKind.CONTROL && e.unhealthy && e.losesConnections) {
                groups.add(e.group == null ? "target:" + e.target : e.group);
            }
        }
        return groups.size();
    }

    /**
     * What the other services of a hosting group showed since {@code since}, each held to the rule a service's own
     * evidence is held to: two rounds (a lone transient is not evidence).
     *
     * @param seen          others probed at least twice since then
     * @param clean         of those, the ones that never lost a connection since then
     * @param lossConfirmed others that lost connections in two rounds or more since then
     * @param loadConfirmed others slow or overloaded in two rounds or more since then
     */
    record Neighbours(int seen, int clean, int lossConfirmed, int loadConfirmed) {
        static final Neighbours NONE = new Neighbours(0, 0, 0, 0);
    }

    Neighbours neighbours(String group, String self, Instant since, Instant ts) {
        if (group == null) {
            return Neighbours.NONE;
        }
        int seen = 0, clean = 0, loss = 0, load = 0;
        for (Entry e : latest.values()) {
            if (!recent(e, ts) || !Objects.equals(group, e.group) || e.target.equals(self)) {
                continue;
            }
            if (e.previousTs != null && !e.previousTs.isBefore(since)) {
                seen++;
                if (e.stamps.loss == null || e.stamps.loss.isBefore(since)) clean++;
            }
            if (e.stamps.lossBefore != null && !e.stamps.lossBefore.isBefore(since)) loss++;
            if (e.stamps.loadedBefore != null && !e.stamps.loadedBefore.isBefore(since)) load++;
        }
        return new Neighbours(seen, clean, loss, load);
    }

    /** True when this target's failure is better explained by the prober's own side. */
    boolean vantageSuspected(String self, TargetKind selfKind, boolean unhealthy, boolean networkish, Instant ts) {
        if (selfKind == TargetKind.CONTROL) {
            return unhealthy;
        }
        if (unhealthy && ownPathSuspect(ts) && widespread(ts)) {
            // Our path lost packets lately and services of several hosts fail with it: a time-out or a 5xx measured
            // through that path says nothing about the service. (One host failing beside a control's blip is that
            // host's fault.)
            return true;
        }
        if (!networkish) {
            return false;
        }
        int recent = 0;
        int failing = 0;
        Set<String> groups = new HashSet<>();
        for (Entry e : latest.values()) {
            if (!recent(e, ts) || e.kind == TargetKind.CONTROL) {
                continue;
            }
            recent++;
            if (e.unhealthy && e.networkish) {
                failing++;
                groups.add(e.group == null ? "target:" + e.target : e.group);
            }
        }
        return recent >= VANTAGE_MIN_TARGETS && failing >= VANTAGE_SHARE * recent && groups.size() >= 2;
    }

    /**
     * Most recently probed control targets showed trouble within their last {@code clearRounds} rounds. A lossy
     * uplink lets the control through now and then: one clean round does not clear it, as one bad round does not
     * open an episode.
     */
    private boolean ownPathSuspect(Instant ts) {
        int controls = 0;
        int troubled = 0;
        for (Map.Entry<String, Integer> c : controlCleanRounds.entrySet()) {
            Entry e = latest.get(c.getKey());
            if (e == null || !recent(e, ts)) {
                continue;
            }
            controls++;
            if (c.getValue() < clearRounds) {
                troubled++;
            }
        }
        return controls > 0 && 2 * troubled > controls;
    }

    /**
     * Failures spread the way a fault on our side spreads them: services of two hosts or more (an ungrouped target
     * is its own host), and at least {@link #OWN_PATH_SHARE} of the services probed lately.
     */
    private boolean widespread(Instant ts) {
        Set<String> groups = new HashSet<>();
        int recent = 0;
        int failing = 0;
        for (Entry e : latest.values()) {
            if (!recent(e, ts) || e.kind == TargetKind.CONTROL) {
                continue;
            }
            recent++;
            if (e.unhealthy) {
                failing++;
                groups.add(e.group == null ? "target:" + e.target : e.group);
            }
        }
        return groups.size() >= 2 && failing >= OWN_PATH_SHARE * recent;
    }

    /** Targets of the same hosting group (self included) whose latest round was unhealthy. */
    int affectedInGroup(String group, Instant ts) {
        if (group == null) {
            return 0;
        }
        int n = 0;
        for (Entry e : latest.values()) {
            if (recent(e, ts) && e.unhealthy && Objects.equals(group, e.group)) {
                n++;
            }
        }
        return n;
    }

    /**
     * Targets of the same hosting group (self included) unhealthy in some round since {@code since}, among those
     * probed lately: loss on a shared route hits the group's services in turn, not all in the same round.
     */
    int affectedInGroupSince(String group, Instant since, Instant ts) {
        if (group == null) {
            return 0;
        }
        int n = 0;
        for (Entry e : latest.values()) {
            if (recent(e, ts) && Objects.equals(group, e.group) && e.stamps.unhealthy != null
                && !e.stamps.unhealthy.isBefore(since)) {
                n++;
            }
        }
        return n;
    }

    /** Targets of the same hosting group (self included) with a recent round, healthy or not. */
    int seenInGroup(String group, Instant ts) {
        if (group == null) {
            return 0;
        }
        int n = 0;
        for (Entry e : latest.values()) {
            if (recent(e, ts) && Objects.equals(group, e.group)) {
                n++;
            }
        }
        return n;
    }

    private boolean recent(Entry e, Instant ts) {
        return !e.ts.isBefore(ts.minus(horizon));
    }

    /** When a target last showed each kind of trouble (null: not lately). */
    private record Stamps(Instant unhealthy, Instant loss, Instant lossBefore, Instant loaded, Instant loadedBefore) {
        static final Stamps NEVER = new Stamps(null, null, null, null, null);
    }

    private record Entry(String target, String group, TargetKind kind, Instant ts, Instant previousTs, boolean unhealthy,
                         boolean networkish, boolean losesConnections, Stamps stamps, Stamps previous) {
    }
}
