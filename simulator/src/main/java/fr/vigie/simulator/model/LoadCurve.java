package fr.vigie.simulator.model;

/**
 * The shape of a morning rush over a fault window: a smooth climb to the 8:00 peak during the first 30 %, a plateau,
 * and a decline during the last 30 %. Returns a factor in 0..1 of the peak.
 */
public final class LoadCurve {
    private LoadCurve() {
    }

    public static double rush(double fraction) {
        if (fraction <= 0 || fraction >= 1) {
            return 0;
        }
        if (fraction < 0.3) {
            return smoothstep(fraction / 0.3);
        }
        if (fraction > 0.7) {
            return smoothstep((1 - fraction) / 0.3);
        }
        return 1;
    }

    private static double smoothstep(double x) {
        return x * x * (3 - 2 * x);
    }
}
