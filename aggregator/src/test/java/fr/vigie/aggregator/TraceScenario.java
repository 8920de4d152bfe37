package fr.vigie.aggregator;

import fr.vigie.config.StepKind;
import fr.vigie.probes.Outcome;
import fr.vigie.probes.StepResult;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates deterministic traces: every target runs the five-step test journey each round; a {@link Fault}
 * rewrites the steps it concerns. A failed step aborts the journey (the rest are {@code skipped}) when the fault
 * says so.
 */
public final class TraceScenario {
    /** Usual TTFB per step of the test journey, in ms. */
    static final double[] USUAL_TTFB = {120, 8, 200, 150, 250};

    private final List<String> targets;
    private final Instant start;
    private final Duration interval;
    private final Random random = new Random(42);

    public TraceScenario(List<String> targets, Instant start, Duration interval) {
        this.targets = targets;
        this.start = start;
        this.interval = interval;
    }

    /** Rewrites a healthy step, or returns it unchanged. */
    @FunctionalInterface
    public interface Fault {
        StepResult apply(String target, int round, int stepIndex, StepResult healthy);
    }

    public Instant roundStart(int round) {
        return start.plus(interval.multipliedBy(round));
    }

    public List<StepResult> rounds(int from, int to, Fault fault) {
        List<StepResult> out = new ArrayList<>();
        for (int k = from; k < to; k++) {
            for (int ti = 0; ti < targets.size(); ti++) {
                String target = targets.get(ti);
                Instant t = roundStart(k).plusMillis(ti * 700L);
                boolean aborted = false;
                for (int s = 0; s < TestConfigs.STEPS.size(); s++) {
                    Instant ts = t.plusMillis(s * 300L);
                    String run = target + "-" + k;
                    if (aborted) {
                        out.add(skipped(target, run, s, ts));
                        continue;
                    }
                    StepResult r = fault.apply(target, k, s, healthy(target, run, s, ts));
                    out.add(r);
                    aborted = !r.ok() && s == 0;
                }
            }
        }
        return out;
    }

    public StepResult healthy(String target, String run, int s, Instant ts) {
        double connect = 15 + random.nextDouble() * 10;
        double ttfb = USUAL_TTFB[s] * (0.85 + random.nextDouble() * 0.3);
        return new StepResult(ts, ts, target, "test", "ent", run, TestConfigs.STEPS.get(s), TestConfigs.KINDS.get(s),
                Outcome.OK, 200, null, 1.0, connect, 12.0, ttfb, connect + 12 + ttfb + 20, 5000, false, null, null,
                null);
    }

    private static StepResult skipped(String target, String run, int s, Instant ts) {
        return new StepResult(ts, ts, target, "test", "ent", run, TestConfigs.STEPS.get(s), TestConfigs.KINDS.get(s),
                Outcome.SKIPPED, null, null, null, null, null, null, null, 0, false, null, null, "journey aborted");
    }

    /** The same step with another outcome, code, signature and timings. */
    public static StepResult with(StepResult r, Outcome outcome, Integer status, String signature, Double connectMs,
                                  Double ttfbMs) {
        Double total = connectMs == null ? null : connectMs + (ttfbMs == null ? 0 : ttfbMs) + 20;
        return new StepResult(r.ts(), r.scheduled(), r.target(), r.vantage(), r.journey(), r.run(), r.step(), r.kind(),
                outcome, status, signature, r.dnsMs(), connectMs, connectMs == null ? null : r.tlsMs(), ttfbMs, total,
                outcome == Outcome.OK ? r.bytes() : 300, r.maintenance(), null, null, null);
    }

    /** The same step, slower by {@code factor} in TTFB, connect unchanged. */
    public static StepResult slower(StepResult r, double factor) {
        return with(r, Outcome.OK, 200, null, r.connectMs(), r.ttfbMs() * factor);
    }

    public static boolean isStatic(StepResult r) {
        return r.kind() == StepKind.STATIC;
    }
}
