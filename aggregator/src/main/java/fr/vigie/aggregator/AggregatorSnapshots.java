package fr.vigie.aggregator;

import fr.vigie.aggregator.store.Store;
import fr.vigie.config.Target;
import fr.vigie.probes.StepResult;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds {@link StatusSnapshot}s: current verdicts and incidents from memory, 90-day history from stored verdicts,
 * latency from stored results. Finished latency buckets are cached since they no longer change.
 */
final class AggregatorSnapshots implements SnapshotSource {
    static final int HISTORY_DAYS = 90;
    static final Duration HOUR_BUCKET = Duration.ofHours(1);
    static final Duration WEEK_BUCKET = Duration.ofHours(6);
    /** Results may arrive this late; buckets older than that are final and cached. */
    private static final Duration SETTLED = Duration.ofMinutes(10);

    private final AggregatorSections config;
    private final Store store;
    private final Aggregator aggregator;
    private final ZoneId zone;
    private final Map<String, LatencyPoint> settled = new ConcurrentHashMap<>();
    private final StepDays stepDays;

    AggregatorSnapshots(AggregatorSections config, Store store, Aggregator aggregator) {
        this.config = config;
        this.store = store;
        this.aggregator = aggregator;
        this.zone = config.site() == null || config.site().timeZone() == null
                ? ZoneId.of("Europe/Paris") : config.site().timeZone();
        this.stepDays = new StepDays(store, zone, stepDays(config), StepDays.DEFAULT_BUDGET);
    }

    @Override
    public StatusSnapshot snapshot(Instant now) {
        Map<String, Verdict> current = aggregator.current();
        List<Incident> incidents = aggregator.incidents();
        Instant lastRound = aggregator.lastRound();
        boolean vantageImpaired = current.values().stream().anyMatch(v -> v.cause() == Cause.VANTAGE);
        // Forget cached buckets older than the longest chart, so a long-running service does not grow forever.
        long oldest = now.minus(WEEK_BUCKET.multipliedBy(29)).toEpochMilli();
        settled.keySet().removeIf(k -> {
            String[] parts = k.split("\\|");
            return Long.parseLong(parts[parts.length - 2]) < oldest;
        });
        Map<String, List<DayStatus>> history = new LinkedHashMap<>();
        Map<String, List<LatencyPoint>> day = new LinkedHashMap<>();
        Map<String, List<LatencyPoint>> week = new LinkedHashMap<>();
        Map<String, List<StepDay>> steps = stepDays.of(config.targets().stream().map(Target::id).toList(), now);
        for (Target t : config.targets()) {
            history.put(t.id(), history(t.id(), now));
            day.put(t.id(), latency(t.id(), now, HOUR_BUCKET, 24));
            week.put(t.id(), latency(t.id(), now, WEEK_BUCKET, 28));
        }
        return new StatusSnapshot(now, lastRound, aggregator.vantageCount(), vantageImpaired, current, incidents,
                history, day, week, aggregator.lastProbes()).withSteps(steps);
    }

    /** The history's days, but none the store no longer holds raw results of (storage.retention, and the day begun). */
    private static int stepDays(AggregatorSections config) {
        Duration kept = config.storage() == null ? null : config.storage().retention();
        return kept == null ? HISTORY_DAYS : (int) Math.min(HISTORY_DAYS, kept.toDays() + 2);
    }

    /** One entry per local day, oldest first; uptime is the share of the day's observed time spent operational. */
    List<DayStatus> history(String target, Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate first = today.minusDays(HISTORY_DAYS - 1);
        List<Verdict> verdicts = store.verdicts(target, Instant.EPOCH, now);
        List<DayStatus> out = new ArrayList<>(HISTORY_DAYS);
        int i = 0;
        Verdict inForce = null;
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            Instant start = d.atStartOfDay(zone).toInstant();
            Instant end = d.plusDays(1).atStartOfDay(zone).toInstant();
            if (end.isAfter(now)) end = now;
            while (i < verdicts.size() && !verdicts.get(i).ts().isAfter(start)) {
                inForce = verdicts.get(i++);
            }
            long observed = 0;
            long up = 0;
            Status worst = null;
            Instant cursor = start;
            Verdict state = inForce;
            int j = i;
            while (cursor.isBefore(end)) {
                Instant next = j < verdicts.size() && verdicts.get(j).ts().isBefore(end) ? verdicts.get(j).ts() : end;
                if (state != null) {
                    long span = Duration.between(cursor, next).toMillis();
                    observed += span;
                    if (state.status() == Status.OPERATIONAL || state.status() == Status.UNDER_MAINTENANCE) {
                        up += span;
                    }
                    worst = worst == null ? state.status() : worst.worst(state.status());
                }
                if (next.equals(end)) break;
                state = verdicts.get(j++);
                cursor = next;
            }
            out.add(observed == 0 ? new DayStatus(d, Double.NaN, Status.OPERATIONAL)
                    : new DayStatus(d, (double) up / observed, worst));
        }
        return out;
    }

    /** {@code count} buckets ending at the start of the bucket after {@code now}; journey time = sum of its steps. */
    List<LatencyPoint> latency(String target, Instant now, Duration bucket, int count) {
        long size = bucket.toMillis();
        long endMs = (now.toEpochMilli() / size + 1) * size;
        List<LatencyPoint> out = new ArrayList<>(count);
        for (int k = count; k >= 1; k--) {
            Instant start = Instant.ofEpochMilli(endMs - k * size);
            Instant end = start.plus(bucket);
            String key = target + "|" + start.toEpochMilli() + "|" + size;
            LatencyPoint cached = settled.get(key);
            if (cached != null) {
                out.add(cached);
                continue;
            }
            LatencyPoint p = point(start, store.results(target, start, end));
            if (end.isBefore(now.minus(SETTLED))) {
                settled.put(key, p);
            }
            out.add(p);
        }
        return out;
    }

    private static LatencyPoint point(Instant start, List<StepResult> results) {
        Map<String, Double> journeys = new LinkedHashMap<>();
        for (StepResult r : results) {
            if (r.totalMs() != null) {
                journeys.merge(r.run() == null ? r.ts().toString() : r.run(), r.totalMs(), Double::sum);
            }
        }
        if (journeys.isEmpty()) {
            return new LatencyPoint(start, Double.NaN, Double.NaN);
        }
        double[] v = journeys.values().stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return new LatencyPoint(start, Quantiles.ofSorted(v, v.length, 0.5), Quantiles.ofSorted(v, v.length, 0.95));
    }

}
