package fr.vigie.bench.blackbox;

import fr.vigie.aggregator.Quantiles;

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

    /** The project's quantile ({@link Quantiles}), or NaN when nothing was measured. */
    synchronized double quantile(double q) {
        return values.isEmpty() ? Double.NaN : Quantiles.of(values, q);
    }
}
