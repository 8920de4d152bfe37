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

    private final Map<String, Entry> latest = new LinkedHashMap<>();
    private final Duration horizon;

    FleetView(Duration horizon) {
        this.horizon = horizon;
    }

    void update(String target, String group, TargetKind kind, Instant ts, boolean unhealthy, boolean networkish) {
        latest.put(target, new Entry(target, group, kind, ts, unhealthy, networkish));
    }

    /** True when this target's unreachability is better explained by the prober's own side. */
    boolean vantageSuspected(String self, TargetKind selfKind, boolean unhealthy, boolean networkish, Instant ts) {
        if (selfKind == TargetKind.CONTROL && unhealthy) {
            return true;
        }
        if (!networkish) {
            return false;
        }
        int recent = 0;
        int failing = 0;
        Set<String> groups = new HashSet<>();
        for (Entry e : latest.values()) {
            if (!recent(e, ts)) {
                continue;
            }
            if (e.kind == TargetKind.CONTROL && e.unhealthy && !e.target.equals(self)) {
                return true;
            }
            recent++;
            if (e.unhealthy && e.networkish) {
                failing++;
                groups.add(e.group == null ? "target:" + e.target : e.group);
            }
        }
        return recent >= VANTAGE_MIN_TARGETS && failing >= VANTAGE_SHARE * recent && groups.size() >= 2;
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

    private record Entry(String target, String group, TargetKind kind, Instant ts, boolean unhealthy,
                         boolean networkish) {
    }
}
