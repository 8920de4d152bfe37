package fr.vigie.aggregator;

import fr.vigie.aggregator.store.Store;
import fr.vigie.probes.Outcome;
import fr.vigie.probes.StepResult;

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
 * results. A finished day no longer changes and is read once; the current day at most every {@link #REFRESH}.
 * Reading a whole history at once (tens of targets, a month of results each) would hold up a generation, so each
 * call reads at most {@code budget} finished days, newest first across targets: after a start the older days
 * appear over the next generations.
 */
final class StepDays {
    /** Results may arrive this late: a day is final (cached) that long after its end; today is refreshed as often. */
    static final Duration REFRESH = Duration.ofMinutes(10);
    /** Finished target-days read per snapshot: about a day of 60 targets, or two months of one. */
    static final int DEFAULT_BUDGET = 60;

    private final Store store;
    private final ZoneId zone;
    private final int days;
    private final int budget;
    private final Map<String, List<StepDay>> finished = new ConcurrentHashMap<>();
    /** Days not yet final (today, and yesterday for {@link #REFRESH} after midnight) by target|date. */
    private final Map<String, Computed> recent = new ConcurrentHashMap<>();

    private record Computed(Instant at, List<StepDay> days) {
    }

    /**
     * @param days   local days covered, today included
     * @param budget finished days read from the store per call of {@link #of(List, Instant)}
     */
    StepDays(Store store, ZoneId zone, int days, int budget) {
        this.store = store;
        this.zone = zone;
        this.days = days;
        this.budget = budget;
    }

    /** Per target, oldest day first, steps in the order first seen that day; a day without attempts has none. */
    Map<String, List<StepDay>> of(List<String> targets, Instant now) {
        LocalDate last = now.atZone(zone).toLocalDate();
        LocalDate first = last.minusDays(days - 1);
        finished.keySet().removeIf(k -> dateOf(k).isBefore(first));
        recent.keySet().removeIf(k -> finishedBy(dateOf(k), now));
        int reads = 0;
        for (LocalDate d = last; !d.isBefore(first) && reads < budget; d = d.minusDays(1)) {
            for (String target : targets) {
                if (reads < budget && finishedBy(d, now) && !finished.containsKey(key(target, d))) {
                    finished.put(key(target, d), compute(d, store.results(target, start(d), start(d.plusDays(1)))));
                    reads++;
                }
            }
        }
        Map<String, List<StepDay>> out = new LinkedHashMap<>();
        for (String target : targets) {
            List<StepDay> mine = new ArrayList<>();
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                mine.addAll(finishedBy(d, now) ? finished.getOrDefault(key(target, d), List.of())
                        : current(target, d, now));
            }
            out.put(target, mine);
        }
        return out;
    }

    private boolean finishedBy(LocalDate date, Instant now) {
        return start(date.plusDays(1)).plus(REFRESH).isBefore(now);
    }

    private Instant start(LocalDate date) {
        return date.atStartOfDay(zone).toInstant();
    }

    private static String key(String target, LocalDate date) {
        return target + "|" + date;
    }

    private static LocalDate dateOf(String key) {
        return LocalDate.parse(key.substring(key.lastIndexOf('|') + 1));
    }

    /** A day going on (or just over), read again once its figures are {@link #REFRESH} old. */
    private List<StepDay> current(String target, LocalDate date, Instant now) {
        Computed last = recent.get(key(target, date));
        if (last != null && !now.isBefore(last.at()) && now.isBefore(last.at().plus(REFRESH))) {
            return last.days();
        }
        Instant end = start(date.plusDays(1));
        List<StepDay> computed = compute(date, store.results(target, start(date), end.isAfter(now) ? now : end));
        recent.put(key(target, date), new Computed(now, computed));
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

    /** The project's one quantile definition ({@link Quantiles}); NaN when nothing succeeded that day. */
    static double quantile(double[] values, double percent) {
        return values.length == 0 ? Double.NaN : Quantiles.of(values, percent / 100);
    }
}
