package fr.vigie.config;

/**
 * The optional {@code forecast} section: the headroom forecast's settings an operator may tune. The defaults are
 * the constants fitted on simulated weeks ({@code bench/headroom.sh}, docs/performance.md).
 *
 * @param enabled         false: no forecast is computed, published or alerted
 * @param historyMornings school mornings of history the trend is fitted on
 * @param minMornings     fewer measured mornings than this: no forecast ("historique insuffisant")
 * @param alertHour       local hour (site time zone) from which the day before's alert is sent, 0-23
 * @param knee            estimated rush utilisation from which a morning counts as saturating, in (0, 1)
 * @param floor           utilisation assumed when the rush shows no slowdown at all, in (0, knee)
 * @param highRisk        probability of saturation from which the risk is "élevé" (and alerted), in (0, 1]
 * @param moderateRisk    probability from which it is "modéré", in (0, highRisk)
 */
public record ForecastConfig(boolean enabled, int historyMornings, int minMornings, int alertHour, double knee,
                             double floor, double highRisk, double moderateRisk) {
    public static final ForecastConfig DEFAULT = new ForecastConfig(true, 10, 4, 12, 0.8, 0.7, 0.5, 0.25);
}
