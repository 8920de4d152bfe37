package fr.vigie.aggregator.classify;

import java.util.Arrays;

/** The median of the last {@code capacity} values: robust to the odd outlier, cheap to keep per step. */
final class RollingMedian {
    private final double[] values;
    private final double[] scratch;
    private int size;
    private int next;

    RollingMedian(int capacity) {
        values = new double[capacity];
        scratch = new double[capacity];
    }

    void add(double v) {
        values[next] = v;
        next = (next + 1) % values.length;
        size = Math.min(size + 1, values.length);
    }

    int size() {
        return size;
    }

    /** NaN when empty. */
    double median() {
        if (size == 0) {
            return Double.NaN;
        }
        System.arraycopy(values, 0, scratch, 0, size);
        Arrays.sort(scratch, 0, size);
        return size % 2 == 1 ? scratch[size / 2] : (scratch[size / 2 - 1] + scratch[size / 2]) / 2;
    }

    /** Median of a small array (sorts a copy). NaN when empty. */
    static double of(double[] xs, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        double[] c = Arrays.copyOf(xs, n);
        Arrays.sort(c);
        return n % 2 == 1 ? c[n / 2] : (c[n / 2 - 1] + c[n / 2]) / 2;
    }
}
