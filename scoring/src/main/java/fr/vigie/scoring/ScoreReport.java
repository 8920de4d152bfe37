package fr.vigie.scoring;

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
 */
public record ScoreReport(Instant horizonStart, Instant horizonEnd, int targets, List<CauseScore> perCause,
                          double macroF1, List<Duration> detectionDelays, List<Duration> classificationDelays,
                          List<TruthSegment> missed, int falseAlarms, Duration faultFree, int flaps, int incidents) {

    public double falseAlarmsPerTargetDay() {
        double days = faultFree.toMillis() / 86_400_000.0;
        return days == 0 ? Double.NaN : falseAlarms / days;
    }

    public double flapsPerIncident() {
        return incidents == 0 ? Double.NaN : (double) flaps / incidents;
    }

    public static Duration median(List<Duration> delays) {
        if (delays.isEmpty()) {
            return null;
        }
        List<Duration> sorted = delays.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
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
                + "n=%d%n", seconds(median(detectionDelays)), seconds(worst(detectionDelays)), detectionDelays.size()));
        out.append(String.format(Locale.ROOT, "detection delay (correct cause): median %s, worst %s, n=%d, missed %d%n",
                seconds(median(classificationDelays)), seconds(worst(classificationDelays)),
                classificationDelays.size(), missed.size()));
        out.append(String.format(Locale.ROOT, "false alarms: %d on %.2f fault-free target-hours = %s per target-day%n",
                falseAlarms, faultFree.toMillis() / 3_600_000.0, number(falseAlarmsPerTargetDay())));
        out.append(String.format(Locale.ROOT, "flaps: %d over %d incidents = %s per incident%n", flaps, incidents,
                number(flapsPerIncident())));
        for (TruthSegment m : missed) {
            out.append(String.format(Locale.ROOT, "missed: %s %s %s -> %s%n", m.target(), m.cause(), m.start(), m.end()));
        }
        return out.toString();
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
