package fr.vigie.statuspage.report;

import fr.vigie.aggregator.Quantiles;
import fr.vigie.probes.Outcome;
import fr.vigie.probes.StepResult;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One target's results cut into equal buckets over the report window, per step: median step time and share of
 * failed attempts. Skipped steps (not run) count for neither; Vigie's own failures are never the platform's.
 */
public final class StepSeries {
    static final int BUCKETS = 48;

    /** One step over the window: NaN where nothing was measured. */
    public record Step(String name, double[] medianMs, double[] errorShare, int[] attempts) {
    }

    private final ReportWindow window;
    private final List<Step> steps;

    private StepSeries(ReportWindow window, List<Step> steps) {
        this.window = window;
        this.steps = List.copyOf(steps);
    }

    public static StepSeries of(ReportWindow window, List<StepResult> results) {
        long from = window.from().toEpochMilli();
        long span = Math.max(1, window.to().toEpochMilli() - from);
        Map<String, List<List<StepResult>>> byStep = new LinkedHashMap<>();
        for (StepResult r : results) {
            if (!counts(r)) {
                continue;
            }
            int bucket = (int) Math.min(BUCKETS - 1, Math.max(0, (r.ts().toEpochMilli() - from) * BUCKETS / span));
            byStep.computeIfAbsent(r.step(), s -> {
                List<List<StepResult>> buckets = new ArrayList<>(BUCKETS);
                for (int i = 0; i < BUCKETS; i++) {
                    buckets.add(new ArrayList<>());
                }
                return buckets;
            }).get(bucket).add(r);
        }
        List<Step> steps = new ArrayList<>();
        byStep.forEach((name, buckets) -> {
            double[] median = new double[BUCKETS];
            double[] errors = new double[BUCKETS];
            int[] attempts = new int[BUCKETS];
            for (int i = 0; i < BUCKETS; i++) {
                List<StepResult> in = buckets.get(i);
                attempts[i] = in.size();
                median[i] = Quantiles.median(in.stream().filter(r -> r.totalMs() != null).mapToDouble(StepResult::totalMs)
                        .toArray());
                errors[i] = in.isEmpty() ? Double.NaN : (double) in.stream().filter(r -> !r.ok()).count() / in.size();
            }
            steps.add(new Step(name, median, errors, attempts));
        });
        return new StepSeries(window, steps);
    }

    /** A result that says something about the platform: run, and not Vigie's own failure. */
    static boolean counts(StepResult r) {
        return r.outcome() != Outcome.SKIPPED && r.outcome() != Outcome.INTERNAL_ERROR && r.step() != null;
    }

    public ReportWindow window() {
        return window;
    }

    public List<Step> steps() {
        return steps;
    }

    /** Start of bucket {@code i}. */
    public Instant bucketStart(int i) {
        Duration span = Duration.between(window.from(), window.to());
        return window.from().plus(span.multipliedBy(i).dividedBy(BUCKETS));
    }
}
