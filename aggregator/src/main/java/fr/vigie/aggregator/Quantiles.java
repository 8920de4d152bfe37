package fr.vigie.aggregator;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Vigie's one definition of median and quantile, used by the classifier's baselines, the latency series of the
 * snapshot, the status page and incident reports, the scoring tool and the benchmarks.
 *
 * <p>Linear interpolation between the closest ranks (Hyndman and Fan's type 7, the default of R's
 * {@code quantile()} and of NumPy, Excel's {@code PERCENTILE.INC}, Commons Math's {@code Percentile} with
 * {@code EstimationType.R_7}): of the n values sorted ascending x[0] ≤ … ≤ x[n-1], the q-quantile is read at
 * h = (n - 1)·q, between x[⌊h⌋] and x[⌈h⌉]. The median (q = 0.5) of an even count is the mean of the two middle
 * values; q = 0 is the minimum and q = 1 the maximum. No value: NaN.
 *
 * <p>InfluxDB's {@code MEDIAN()} and {@code PERCENTILE()} in the roll-up queries are the database's own
 * definitions (its percentile is the nearest rank), not this one.
 */
public final class Quantiles {
    private Quantiles() {
    }

    /** The q-quantile (0 ≤ q ≤ 1) of the first {@code n} values of an array already sorted ascending. */
    public static double ofSorted(double[] sorted, int n, double q) {
        if (q < 0 || q > 1 || Double.isNaN(q)) {
            throw new IllegalArgumentException("quantile outside [0, 1]: " + q);
        }
        if (n == 0) {
            return Double.NaN;
        }
        double h = (n - 1) * q;
        int lo = (int) Math.floor(h);
        double fraction = h - lo;
        if (fraction == 0) {
            return sorted[lo];
        }
        // (1 - f)·a + f·b: for the median of an even count, exactly (a + b) / 2
        return (1 - fraction) * sorted[lo] + fraction * sorted[lo + 1];
    }

    /** The q-quantile of the values, in any order (sorts a copy). */
    public static double of(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return ofSorted(sorted, sorted.length, q);
    }

    /** The q-quantile of the values, in any order. */
    public static double of(List<Double> values, double q) {
        return of(values.stream().mapToDouble(Double::doubleValue).toArray(), q);
    }

    /** The q-quantile of the values, in any order. */
    public static double of(long[] values, double q) {
        return of(Arrays.stream(values).asDoubleStream().toArray(), q);
    }

    public static double median(double[] values) {
        return of(values, 0.5);
    }

    /** The median of durations, to the nanosecond; null when there is none. */
    public static Duration median(List<Duration> durations) {
        if (durations.isEmpty()) {
            return null;
        }
        double nanos = of(durations.stream().mapToDouble(d -> (double) d.toNanos()).toArray(), 0.5);
        return Duration.ofNanos(Math.round(nanos));
    }
}
