package fr.vigie.aggregator.classify;

import java.util.HashMap;
import java.util.Map;

/**
 * What is usual for one target, per step: medians of time-to-first-byte, TCP connect and total time,
 * learnt only from healthy rounds. Keyed by school day vs day off and local hour, falling back to all hours,
 * then to defaults before any history, so an 8:00 rush is compared with earlier 8:00 rushes once known.
 */
final class Baselines {
    /** Before history: a dynamic ENT page typically answers in a few hundred ms over a ~20-60 ms connect. */
    static final double DEFAULT_TTFB_MS = 400;
    static final double DEFAULT_CONNECT_MS = 60;
    static final double DEFAULT_TOTAL_MS = 600;
    private static final int RECENT = 120;
    private static final int PER_HOUR = 60;
    private static final int MIN_RECENT = 5;
    private static final int MIN_PER_HOUR = 20;

    private final Map<String, StepBaseline> steps = new HashMap<>();

    /** {@code slot}: 0-23 on school days, 24-47 on days off. */
    void learn(String step, int slot, Double ttfbMs, Double connectMs, Double totalMs) {
        StepBaseline b = steps.computeIfAbsent(step, s -> new StepBaseline());
        b.learn(slot, ttfbMs, connectMs, totalMs);
    }

    /** True once a step has enough healthy history to judge its slowness. */
    boolean known(String step) {
        StepBaseline b = steps.get(step);
        return b != null && b.ttfb.recent.size() >= MIN_RECENT;
    }

    double ttfb(String step, int slot) {
        StepBaseline b = steps.get(step);
        return b == null ? DEFAULT_TTFB_MS : b.ttfb.value(slot, DEFAULT_TTFB_MS);
    }

    double connect(String step, int slot) {
        StepBaseline b = steps.get(step);
        return b == null ? DEFAULT_CONNECT_MS : b.connect.value(slot, DEFAULT_CONNECT_MS);
    }

    double total(String step, int slot) {
        StepBaseline b = steps.get(step);
        return b == null ? DEFAULT_TOTAL_MS : b.total.value(slot, DEFAULT_TOTAL_MS);
    }

    private static final class StepBaseline {
        final Metric ttfb = new Metric();
        final Metric connect = new Metric();
        final Metric total = new Metric();

        void learn(int slot, Double ttfbMs, Double connectMs, Double totalMs) {
            if (ttfbMs != null) ttfb.add(slot, ttfbMs);
            if (connectMs != null) connect.add(slot, connectMs);
            if (totalMs != null) total.add(slot, totalMs);
        }
    }

    private static final class Metric {
        final RollingMedian recent = new RollingMedian(RECENT);
        final RollingMedian[] bySlot = new RollingMedian[48];
        void add(int slot, double v) {
            recent.add(v);
            if (bySlot[slot] == null) {
                bySlot[slot] = new RollingMedian(PER_HOUR);
            }
            bySlot[slot].add(v);
        }

        double value(int slot, double fallback) {
            RollingMedian s = bySlot[slot];
            if (s != null && s.size() >= MIN_PER_HOUR) {
                return Math.max(s.median(), 1.0);
            }
            if (recent.size() >= MIN_RECENT) {
                return Math.max(recent.median(), 1.0);
            }
            return fallback;
        }
    }
}
