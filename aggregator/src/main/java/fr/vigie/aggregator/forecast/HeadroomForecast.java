package fr.vigie.aggregator.forecast;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * The forecast for one target's school morning.
 *
 * @param morning      the school morning forecast
 * @param at           the moment named ("8:00")
 * @param risk         faible, modéré, élevé, or inconnu without enough history
 * @param prediction   the fit behind it (null when unknown)
 * @param loadFactor   the morning's expected load against an ordinary one
 * @param reasons      why the load is expected higher ("retour de vacances", a declared special day), in French
 * @param evidence     the measured fact that supports it, in French (null when unknown)
 */
public record HeadroomForecast(String target, LocalDate morning, LocalTime at, Risk risk,
                               HeadroomModel.Prediction prediction, double loadFactor, List<String> reasons,
                               String evidence) {
    public HeadroomForecast {
        reasons = List.copyOf(reasons);
    }
}
