package fr.vigie.scoring;

import fr.vigie.aggregator.Quantiles;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The held-out measures of issue 13, beside the segment scores of {@link ScoreReport}.
 *
 * @param faultFreeTargetMornings targets with no fault segment in a scored run (one run = one morning)
 * @param falseAlarmsFaultFree    non-operational verdict runs on those targets
 * @param withheld                non-operational runs whose cause is {@code unknown} ("cause en cours d'analyse")
 * @param withheldDuringFaults    of those, runs overlapping a fault segment (plus grace) of their target
 * @param invisibleSegments       segments the truth marks as showing no effect at all (left out of the scores)
 * @param effectDelays            first visible effect to first detection (non-operational verdict; for vantage,
 *                                a verdict naming vantage), for detected segments
 * @param interval                probe round interval, to express delays in rounds
 * @param confusion               injected cause (or {@link #NO_FAULT}) -> cause named longest -> count
 */
public record HeldOut(int faultFreeTargetMornings, int falseAlarmsFaultFree, int withheld, int withheldDuringFaults,
                      int invisibleSegments, List<Duration> effectDelays, Duration interval,
                      Map<String, Map<String, Integer>> confusion) {
    /** Confusion row of alarm runs on fault-free stretches. */
    public static final String NO_FAULT = "(no fault)";
    /** Confusion column of a segment no verdict named any cause for. */
    public static final String NOTHING = "none";
    public static final String UNKNOWN = "unknown";

    public HeldOut {
        effectDelays = List.copyOf(effectDelays);
        Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
        confusion.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        confusion = java.util.Collections.unmodifiableMap(copy);
    }

    public static HeldOut empty(Duration interval) {
        return new HeldOut(0, 0, 0, 0, 0, List.of(), interval, Map.of());
    }

    /** Rows in display order: the causes, then {@link #NO_FAULT}. */
    public static List<String> rows() {
        List<String> rows = new ArrayList<>(Scorer.CAUSES);
        rows.add(NO_FAULT);
        return rows;
    }

    /** Columns in display order: the causes, {@code unknown}, {@code none}. */
    public static List<String> columns() {
        List<String> cols = new ArrayList<>(Scorer.CAUSES);
        cols.add(UNKNOWN);
        cols.add(NOTHING);
        return cols;
    }

    public int confusion(String injected, String named) {
        return confusion.getOrDefault(injected, Map.of()).getOrDefault(named, 0);
    }

    /** False alarms per fault-free target-morning; NaN without any. */
    public double falseAlarmsPerFaultFreeTargetMorning() {
        return faultFreeTargetMornings == 0 ? Double.NaN : (double) falseAlarmsFaultFree / faultFreeTargetMornings;
    }

    public Duration medianEffectDelay() {
        return Quantiles.median(effectDelays);
    }

    /** Median detection delay from the first visible effect, in probe rounds; NaN without a detection. */
    public double medianEffectDelayRounds() {
        Duration d = medianEffectDelay();
        return d == null ? Double.NaN : (double) d.toMillis() / interval.toMillis();
    }

    static HeldOut merge(List<HeldOut> parts, Duration interval) {
        int ff = 0;
        int fa = 0;
        int w = 0;
        int wf = 0;
        int inv = 0;
        List<Duration> delays = new ArrayList<>();
        Map<String, Map<String, Integer>> conf = new LinkedHashMap<>();
        for (HeldOut h : parts) {
            ff += h.faultFreeTargetMornings;
            fa += h.falseAlarmsFaultFree;
            w += h.withheld;
            wf += h.withheldDuringFaults;
            inv += h.invisibleSegments;
            delays.addAll(h.effectDelays);
            h.confusion.forEach((row, cols) -> cols.forEach((col, n) ->
                    conf.computeIfAbsent(row, k -> new LinkedHashMap<>()).merge(col, n, Integer::sum)));
        }
        return new HeldOut(ff, fa, w, wf, inv, delays, interval, conf);
    }
}
