package fr.vigie.bench.blackbox;

import java.util.ArrayList;
import java.util.List;

/** Check durations in milliseconds, collected from any thread. */
final class Latencies {
    private final List<Double> values = new ArrayList<>();

    synchronized void add(Double ms) {
        if (ms != null) {
            values.add(ms);
        }
    }

    /** Nearest-rank quantile, or NaN when nothing was measured. */
    synchronized double quantile(double q) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
