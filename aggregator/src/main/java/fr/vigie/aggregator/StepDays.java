package fr.vigie.aggregator;

import fr.vigie.aggregator.store.Store;
import fr.vigie.probes.Outcome;
import fr.vigie.probes.StepResult;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-step daily figures of each target ({@link StepDay}) over the days the site keeps, read from the stored
 * results. A finished day no longer changes and is computed once; the current day at most every {@link #REFRESH}.
 */
final class StepDays {
    /** Results may arrive this late: a day is final (cached) that long after its end; today is refreshed as often. */
    static final Duration REFRESH = Duration.ofMinutes(10);

    private final Store store;
    private final ZoneId zone;
    private final int days;
    private final Map<String, List<StepDay>> finished = new ConcurrentHashMap<>();
    private final Map<String, Computed> today = new ConcurrentHashMap<>();

    private record Computed(Instant at, LocalDate date, List<StepDay> days) {
    }

    StepDays(Store store, ZoneId zone, int days) {
        this.store = store;
        this.zone = zone;
        this.days = days;
    }

    /** Oldest day first, steps in the order first seen that day; days without any result have no entry. */
    List<StepDay> of(String target, Instant now) {
        LocalDate last = now.atZone(zone).toLocalDate();
        LocalDate first = last.minusDays(days - 1);
        finished.keySet().removeIf(k -> k.startsWith(target + "|") && LocalDate.parse(k.substring(target.length() + 1))
                .isBefore(first));
        List<StepDay> out = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            out.addAll(day(target, d, now));
        }
        return out;
    }

    private List<StepDay> day(String target, LocalDate date, Instant now) {
        String key = target + "|" + date;
        List<StepDay> cached = finished.get(key);
        if (cached != null) {
            return cached;
        }
        Instant start = date.atStartOfDay(zone).toInstant();
        Instant end = date.plusDays(1).atStartOfDay(zone).toInstant();
        if (end.plus(REFRESH).isBefore(now)) {
            List<StepDay> computed = compute(date, store.results(target, start, end));
            finished.put(key, computed);
            return computed;
        }
        Computed recent = today.get(target);
        if (recent != null && recent.date().equals(date) && !now.isBefore(recent.at())
                && now.isBefore(recent.at().plus(REFRESH))) {
            return recent.days();
        }
        List<StepDay> computed = compute(date, store.results(target, start, end.isAfter(now) ? now : end));
        today.put(target, new Computed(now, date, computed));
        return computed;
    }

    /** The figures of one day from its results. */
    static List<StepDay> compute(LocalDate date, List<StepResult> results) {
        Map<String, List<StepResult>> byStep = new LinkedHashMap<>();
        for (StepResult r : results) {
            if (r.step() != null && counts(r)) {
                byStep.computeIfAbsent(r.step(), s -> new ArrayList<>()).add(r);
            }
        }
        List<StepDay> out = new ArrayList<>(byStep.size());
        for (Map.Entry<String, List<StepResult>> e : byStep.entrySet()) {
            List<StepResult> rs = e.getValue();
            double[] okMs = rs.stream().filter(r -> r.ok() && r.totalMs() != null).mapToDouble(StepResult::totalMs)
                    .toArray();
            int ok = (int) rs.stream().filter(StepResult::ok).count();
            out.add(new StepDay(date, e.getKey(), rs.size(), ok, quantile(okMs, 50), quantile(okMs, 90)));
        }
        return out;
    }

    /** An attempt says something about the platform: it ran, outside maintenance, and Vigie itself did not fail. */
    static boolean counts(StepResult r) {
        return !r.maintenance() && r.outcome() != Outcome.SKIPPED && r.outcome() != Outcome.INTERNAL_ERROR;
    }

    /**
     * The one quantile definition of these figures (linear interpolation between order statistics, R-7, as the
     * journey response times): kept in this single place so it can follow a project-wide definition.
     */
    static double quantile(double[] values, double percent) {
        if (values.length == 0) {
            return Double.NaN;
        }
        return new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(values, percent);
    }
}
