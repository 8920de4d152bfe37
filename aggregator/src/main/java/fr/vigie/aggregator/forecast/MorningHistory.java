package fr.vigie.aggregator.forecast;

import fr.vigie.aggregator.Quantiles;
import fr.vigie.aggregator.store.Store;
import fr.vigie.config.StepKind;
import fr.vigie.probes.Outcome;
import fr.vigie.probes.StepResult;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one target's login step over past school mornings from the store ({@link Store#results}) and sums each
 * morning up as a {@link MorningSample}. A past morning never changes, so samples are kept (a bounded cache).
 */
public final class MorningHistory {
    private static final int CACHED = 4096;

    private final Store store;
    private final ZoneId zone;
    private final MorningWindows windows;
    private final Map<String, Optional<MorningSample>> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<MorningSample>> eldest) {
            return size() > CACHED;
        }
    };

    public MorningHistory(Store store, ZoneId zone, MorningWindows windows) {
        this.store = store;
        this.zone = zone;
        this.windows = windows;
    }

    /** The morning of {@code day}, or empty when it has too few probes to say anything. */
    public synchronized Optional<MorningSample> morning(String target, LocalDate day) {
        String key = target + '|' + day;
        Optional<MorningSample> cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        Instant from = day.atTime(windows.calmFrom()).atZone(zone).toInstant();
        Instant to = day.atTime(windows.rushTo()).atZone(zone).toInstant();
        Optional<MorningSample> sample = summarise(day, store.results(target, from, to));
        if (!day.isAfter(LocalDate.now(zone).minusDays(1))) {
            cache.put(key, sample); // only finished mornings
        }
        return sample;
    }

    Optional<MorningSample> summarise(LocalDate day, List<StepResult> results) {
        List<StepResult> login = results.stream().filter(r -> r.kind() == StepKind.LOGIN && !r.maintenance()
                && r.outcome() != Outcome.SKIPPED).toList();
        if (login.isEmpty()) {
            login = results.stream().filter(r -> r.kind() == StepKind.PAGE && !r.maintenance()
                    && r.outcome() != Outcome.SKIPPED).toList();
        }
        List<Double> calm = new ArrayList<>();
        List<StepResult> rush = new ArrayList<>();
        for (StepResult r : login) {
            LocalTime t = r.ts().atZone(zone).toLocalTime();
            if (windows.calm(t) && r.ok() && r.totalMs() != null) {
                calm.add(r.totalMs());
            } else if (windows.rush(t)) {
                rush.add(r);
            }
        }
        if (calm.size() < 3 || rush.size() < 5) {
            return Optional.empty();
        }
        double calmMs = Quantiles.of(calm, 0.5);
        double slowestOk = rush.stream().filter(StepResult::ok).map(StepResult::totalMs)
                .filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).max().orElse(calmMs);
        double[] rushMs = new double[rush.size()];
        int failed = 0;
        StepResult worst = null;
        double worstMs = -1;
        for (int i = 0; i < rush.size(); i++) {
            StepResult r = rush.get(i);
            // a failure counts at the time it took (a time-out's full wait), at least the slowest success
            double ms = r.totalMs() == null ? slowestOk : r.ok() ? r.totalMs() : Math.max(r.totalMs(), slowestOk);
            rushMs[i] = ms;
            failed += r.ok() ? 0 : 1;
            if (r.ok() && ms > worstMs) {
                worstMs = ms;
                worst = r;
            }
        }
        LocalTime worstAt = worst == null ? windows.announced() : worst.ts().atZone(zone).toLocalTime();
        return Optional.of(new MorningSample(day, calmMs, Quantiles.of(rushMs, 0.9), worstAt,
                Math.max(worstMs, 0), failed / (double) rush.size(), rush.size()));
    }
}
