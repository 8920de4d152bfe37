package fr.vigie.aggregator.forecast;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.regression.SimpleRegression;

import java.util.List;

/**
 * The fit: each past morning's rush stress ({@link MorningSample#stress()}), mapped to a utilisation
 * ({@link ForecastSettings#exponent()}) and divided by that morning's expected load,
 * gives the platform's stress under an ordinary load; a straight line through the last mornings (ordinary least
 * squares, Commons Math {@link SimpleRegression}) says how it drifts day after day; the next morning's expected
 * stress is the line's value there times its expected load, and the chance that it reaches the knee comes from the
 * line's prediction interval (Student t with n - 2 degrees of freedom).
 */
public final class HeadroomModel {
    /** Day-to-day noise of the stress is never taken as smaller than this (a short, smooth history is not certainty). */
    static final double MIN_SPREAD = 0.03;

    private final ForecastSettings settings;

    public HeadroomModel(ForecastSettings settings) {
        this.settings = settings;
    }

    /**
     * @param expectedStress stress expected at the rush (1 and more: beyond capacity)
     * @param low            5th percentile of it
     * @param high           95th percentile of it
     * @param probability    chance it reaches the knee
     * @param trendPerWeek   drift of the ordinary-load stress over five school days
     */
    public record Prediction(double expectedStress, double low, double high, double probability, double trendPerWeek,
                             int mornings) {
    }

    /**
     * @param past     past mornings, oldest first
     * @param factors  their expected loads (same order)
     * @param ahead    school mornings between the last past one and the forecast one (1: the next)
     * @param factor   expected load of the forecast morning
     */
    public Prediction predict(List<MorningSample> past, double[] factors, int ahead, double factor) {
        int n = past.size();
        SimpleRegression line = new SimpleRegression();
        double[] base = new double[n];
        for (int i = 0; i < n; i++) {
            double utilisation = Math.pow(past.get(i).stress(), settings.exponent());
            base[i] = Math.max(settings.floor(), utilisation / factors[i]);
            line.addData(i, base[i]);
        }
        double x = n - 1 + ahead;
        double centre;
        double spread;
        double slope = 0;
        if (n >= 3) {
            slope = line.getSlope();
            centre = line.predict(x);
            double sxx = line.getXSumSquares();
            double mean = (n - 1) / 2.0;
            spread = Math.sqrt(Math.max(line.getMeanSquareError(), 0) * (1 + 1.0 / n + (x - mean) * (x - mean) / sxx));
        } else {
            centre = java.util.Arrays.stream(base).average().orElse(settings.floor());
            spread = 0.1;
        }
        centre = Math.max(settings.floor(), centre);
        spread = Math.max(MIN_SPREAD, spread) * factor;
        double expected = centre * factor;
        TDistribution t = new TDistribution(Math.max(1, n - 2));
        double probability = 1 - t.cumulativeProbability((settings.knee() - expected) / spread);
        double q = t.inverseCumulativeProbability(0.95);
        return new Prediction(expected, expected - q * spread, expected + q * spread, probability, slope * 5, n);
    }

    public Risk risk(Prediction p) {
        if (p.probability() >= settings.high()) {
            return Risk.HIGH;
        }
        return p.probability() >= settings.moderate() ? Risk.MODERATE : Risk.LOW;
    }
}
