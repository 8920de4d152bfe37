package fr.vigie.scoring;

import fr.vigie.aggregator.Quantiles;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one scoring run; {@link #render()} prints them as a table.
 *
 * @param horizonStart          evaluated from
 * @param horizonEnd            evaluated to
 * @param targets               targets seen in either input
 * @param perCause              one row per cause of the vocabulary present in truth or verdicts
 * @param macroF1               mean F1 over those rows (NaN if none)
 * @param detectionDelays       fault start to first non-operational verdict, for detected segments
 * @param classificationDelays  fault start to first non-operational verdict naming the right cause
 * @param missed                segments never classified with their cause
 * @param falseAlarms           alarm runs starting on fault-free stretches
 * @param faultFree             fault-free time summed over targets
 * @param flaps                 status changes reverted within the flap window, during faults
 * @param incidents             truth segments (the flaps' denominator)
 * @param heldOut               the held-out measures (issue 13): per target-morning, withheld causes, delays from
 *                              the first visible effect, confusion matrix
 */
public record ScoreReport(Instant horizonStart, Instant horizonEnd, int targets, List<CauseScore> perCause,
                          double macroF1, List<Duration> detectionDelays, List<Duration> classificationDelays,
                          List<TruthSegment> missed, int falseAlarms, Duration faultFree, int flaps, int incidents,
                          HeldOut heldOut) {

    public ScoreReport(Instant horizonStart, Instant horizonEnd, int targets, List<CauseScore> perCause,
                       double macroF1, List<Duration> detectionDelays, List<Duration> classificationDelays,
                       List<TruthSegment> missed, int falseAlarms, Duration faultFree, int flaps, int incidents) {
        this(horizonStart, horizonEnd, targets, perCause, macroF1, detectionDelays, classificationDelays, missed,
                falseAlarms, faultFree, flaps, incidents, HeldOut.empty(ScoringOptions.DEFAULT_INTERVAL));
    }

    /** Published cause runs (a non-operational verdict naming a cause other than none, unknown or vantage). */
    public int publishedCauses() {
        return perCause.stream().filter(c -> !c.cause().equals(Scorer.VANTAGE)).mapToInt(CauseScore::alarms).sum();
    }

    /** Of those, runs overlapping no fault segment of that target and cause (plus grace). */
    public int publishedWrong() {
        return perCause.stream().filter(c -> !c.cause().equals(Scorer.VANTAGE))
                .mapToInt(c -> c.alarms() - c.correctAlarms()).sum();
    }

    /** Share of published causes that were not the injected one; NaN when nothing was published. */
    public double publishedWrongShare() {
        int published = publishedCauses();
        return published == 0 ? Double.NaN : (double) publishedWrong() / published;
    }

    /** F1 of one cause, NaN when the cause appears in neither input. */
    public double f1(String cause) {
        return perCause.stream().filter(c -> c.cause().equals(cause)).mapToDouble(CauseScore::f1).findFirst()
                .orElse(Double.NaN);
    }

    public double falseAlarmsPerTargetDay() {
        double days = faultFree.toMillis() / 86_400_000.0;
        return days == 0 ? Double.NaN : falseAlarms / days;
    }

    public double flapsPerIncident() {
        return incidents == 0 ? Double.NaN : (double) flaps / incidents;
    }

    public static Duration worst(List<Duration> delays) {
        return delays.stream().max(Duration::compareTo).orElse(null);
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "horizon %s -> %s (%s), %d targets%n", horizonStart, horizonEnd,
                seconds(Duration.between(horizonStart, horizonEnd)), targets));
        out.append(String.format(Locale.ROOT, "%-12s %6s %9s %7s %7s %8s %10s %6s%n", "cause", "truth", "detected",
                "recall", "alarms", "correct", "precision", "F1"));
        for (CauseScore c : perCause) {
            out.append(String.format(Locale.ROOT, "%-12s %6d %9d %7s %7d %8d %10s %6s%n", c.cause(), c.truthSegments(),
                    c.detected(), ratio(c.recall()), c.alarms(), c.correctAlarms(), ratio(c.precision()),
                    ratio(c.f1())));
        }
        out.append(String.format(Locale.ROOT, "macro-F1: %s%n", ratio(macroF1)));
        out.append(String.format(Locale.ROOT, "detection delay (any non-operational verdict): median %s, worst %s, "
                + "n=%d%n", seconds(Quantiles.median(detectionDelays)), seconds(worst(detectionDelays)), detectionDelays.size()));
        out.append(String.format(Locale.ROOT, "detection delay (correct cause): median %s, worst %s, n=%d, missed %d%n",
                seconds(Quantiles.median(classificationDelays)), seconds(worst(classificationDelays)),
                classificationDelays.size(), missed.size()));
        out.append(String.format(Locale.ROOT, "false alarms: %d on %.2f fault-free target-hours = %s per target-day%n",
                falseAlarms, faultFree.toMillis() / 3_600_000.0, number(falseAlarmsPerTargetDay())));
        out.append(String.format(Locale.ROOT, "flaps: %d over %d incidents = %s per incident%n", flaps, incidents,
                number(flapsPerIncident())));
        renderHeldOut(out);
        for (TruthSegment m : missed) {
            out.append(String.format(Locale.ROOT, "missed: %s %s %s -> %s%n", m.target(), m.cause(), m.start(), m.end()));
        }
        return out.toString();
    }

    private void renderHeldOut(StringBuilder out) {
        HeldOut h = heldOut;
        out.append(String.format(Locale.ROOT, "false alarms per fault-free target-morning: %d on %d = %s%n",
                h.falseAlarmsFaultFree(), h.faultFreeTargetMornings(), ratio(h.falseAlarmsPerFaultFreeTargetMorning())));
        out.append(String.format(Locale.ROOT, "published causes not the injected one: %d of %d = %s%n",
                publishedWrong(), publishedCauses(), percent(publishedWrongShare())));
        out.append(String.format(Locale.ROOT, "withheld causes (unknown, \"cause en cours d'analyse\"): %d runs, %d during "
                + "faults (cheaper than a wrong cause, not counted as correct)%n", h.withheld(), h.withheldDuringFaults()));
        out.append(String.format(Locale.ROOT, "flaps per fault segment: %s (%d flaps, %d segments)%n",
                ratio(flapsPerIncident()), flaps, incidents));
        out.append(String.format(Locale.ROOT, "detection delay from the first visible effect: median %s = %s probe "
                + "rounds of %s, n=%d%n", seconds(h.medianEffectDelay()), ratio(h.medianEffectDelayRounds()),
                seconds(h.interval()), h.effectDelays().size()));
        if (h.invisibleSegments() > 0) {
            out.append(String.format(Locale.ROOT, "segments with no visible effect (not scored): %d%n",
                    h.invisibleSegments()));
        }
        out.append("confusion (rows: injected cause, or alarms outside faults; columns: cause named longest):\n");
        List<String> cols = HeldOut.columns();
        out.append(String.format(Locale.ROOT, "%-12s", "injected"));
        cols.forEach(c -> out.append(String.format(Locale.ROOT, " %11s", c)));
        out.append('\n');
        for (String row : HeldOut.rows()) {
            if (!h.confusion().containsKey(row)) {
                continue;
            }
            out.append(String.format(Locale.ROOT, "%-12s", row));
            cols.forEach(c -> out.append(String.format(Locale.ROOT, " %11d", h.confusion(row, c))));
            out.append('\n');
        }
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f %%", 100 * v);
    }

    private static String ratio(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String seconds(Duration d) {
        return d == null ? "-" : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
