package fr.vigie.aggregator.classify;

import fr.vigie.aggregator.Quantiles;

import java.util.Arrays;

/**
 * The median ({@link Quantiles}) of the last {@code capacity} values: robust to the odd outlier, cheap to keep per
 * step.
 */
final class RollingMedian {
    private final double[] values;
    private final double[] scratch;
    private int size;
    private int next;
    private double cached = Double.NaN;
    private boolean dirty = true;

    RollingMedian(int capacity) {
        values = new double[capacity];
        scratch = new double[capacity];
    }

    void add(double v) {
        values[next] = v;
        next = (next + 1) % values.length;
        size = Math.min(size + 1, values.length);
        dirty = true;
    }

    int size() {
        return size;
    }

    /** NaN when empty. */
    double median() {
        if (size == 0) {
            return Double.NaN;
        }
        // Several questions per round, one new value per round: sort only after a change.
        if (dirty) {
            System.arraycopy(values, 0, scratch, 0, size);
            Arrays.sort(scratch, 0, size);
            cached = Quantiles.ofSorted(scratch, size, 0.5);
            dirty = false;
        }
        return cached;
    }

    /** Median of the first {@code n} values of a small array (sorts a copy). NaN when empty. */
    static double of(double[] xs, int n) {
        return Quantiles.median(Arrays.copyOf(xs, n));
    }
}
