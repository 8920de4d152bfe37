package fr.vigie.aggregator.forecast;

import fr.vigie.config.ForecastConfig;

/**
 * The forecast's constants. The defaults were fitted on simulated weeks of seed A and scored on seed B
 * ({@code bench/headroom.sh}, docs/performance.md); no real platform's data went into them.
 *
 * @param knee         estimated utilisation at the rush from which a morning counts as saturating
 * @param exponent     the rush stress (M/M/1-equivalent utilisation, {@link MorningSample#stress()}) raised to this
 *                     power estimates the utilisation of a pool of several workers, whose waits stay short until
 *                     close to the knee (1: taken as is)
 * @param floor        the utilisation assumed when the rush shows no slowdown at all (latency hides headroom
 *                     until the knee is near: without it a doubled load on a quiet platform would look safe)
 * @param high         probability from which the risk is "élevé"
 * @param moderate     probability from which it is "modéré"
 * @param historyDays  school mornings of history fitted
 * @param minDays      fewer mornings than this: no forecast ("historique insuffisant")
 */
public record ForecastSettings(double knee, double exponent, double floor, double high, double moderate,
                               int historyDays, int minDays) {
    public static final ForecastSettings DEFAULT = new ForecastSettings(0.8, 1.0, 0.7, 0.5, 0.25, 10, 4);

    /** The settings of a configuration's {@code forecast} section; the exponent is the model's, not tuned there. */
    public static ForecastSettings of(ForecastConfig c) {
        return new ForecastSettings(c.knee(), DEFAULT.exponent(), c.floor(), c.highRisk(), c.moderateRisk(),
                c.historyMornings(), c.minMornings());
    }

    public ForecastSettings withFitted(double knee, double exponent, double floor, double high) {
        return new ForecastSettings(knee, exponent, floor, high, high / 2, historyDays, minDays);
    }
}
