package fr.vigie.aggregator;

import fr.vigie.config.StepKind;
import fr.vigie.probes.Outcome;
import fr.vigie.probes.StepResult;

import java.time.Instant;

/** Hand-built step results for tests. */
public final class Fixtures {
    private Fixtures() {
    }

    public static StepResult ok(String target, Instant ts, String step, StepKind kind, double connectMs, double ttfbMs) {
        return new StepResult(ts, ts, target, "test", "j", "run-" + ts.toEpochMilli(), step, kind, Outcome.OK, 200,
                null, 2.0, connectMs, 5.0, ttfbMs, connectMs + ttfbMs + 10, 1000, false, null, null, null);
    }

    public static StepResult failed(String target, Instant ts, String step, StepKind kind, Outcome outcome,
                                    Integer status, String signature, Double connectMs, Double ttfbMs) {
        Double total = connectMs == null ? null : connectMs + (ttfbMs == null ? 0 : ttfbMs) + 10;
        return new StepResult(ts, ts, target, "test", "j", "run-" + ts.toEpochMilli(), step, kind, outcome, status,
                signature, 2.0, connectMs, null, ttfbMs, total, 0, false, null, null, "detail");
    }
}
