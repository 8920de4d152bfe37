package fr.vigie.probes.run;

/** Monotonic durations in milliseconds, rounded to the microsecond. */
final class Millis {
    private Millis() {
    }

    static double between(long startNanos, long endNanos) {
        return Math.round((endNanos - startNanos) / 1_000.0) / 1_000.0;
    }

    static double since(long startNanos) {
        return between(startNanos, System.nanoTime());
    }
}
