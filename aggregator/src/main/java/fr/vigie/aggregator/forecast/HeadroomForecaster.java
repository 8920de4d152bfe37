package fr.vigie.aggregator.forecast;

import fr.vigie.aggregator.store.Store;
import fr.vigie.config.Target;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The facade: for each target, the risk that a coming school morning saturates, from its history in the store.
 * Blocking (it reads the store): never called from an event loop.
 */
public final class HeadroomForecaster {
    private final MorningHistory history;
    private final ExpectedLoad load;
    private final HeadroomModel model;
    private final ForecastSettings settings;
    private final MorningWindows windows;
    private final ZoneId zone;

    public HeadroomForecaster(Store store, ExpectedLoad load, ZoneId zone, ForecastSettings settings) {
        this(new MorningHistory(store, zone, MorningWindows.SCHOOL), load, zone, settings);
    }

    /** Shares a history (and its cache of past mornings) between forecasters of other settings (the benchmark). */
    public HeadroomForecaster(MorningHistory history, ExpectedLoad load, ZoneId zone, ForecastSettings settings) {
        this.windows = MorningWindows.SCHOOL;
        this.history = history;
        this.load = load;
        this.model = new HeadroomModel(settings);
        this.settings = settings;
        this.zone = zone;
    }

    /** Forecasts for the next school morning of each target not yet begun at {@code now}. */
    public List<HeadroomForecast> nextMorning(List<Target> targets, Instant now) {
        LocalDateTime local = LocalDateTime.ofInstant(now, zone);
        List<HeadroomForecast> out = new ArrayList<>();
        for (Target t : targets) {
            String z = t.holidayZone();
            LocalDate today = local.toLocalDate();
            boolean todayBegun = !local.toLocalTime().isBefore(windows.calmFrom());
            LocalDate morning = load.isSchoolDay(today, z) && !todayBegun ? today : load.nextSchoolDay(today, z);
            LocalDate lastObserved = previousSchoolDay(morning, z);
            if (lastObserved.equals(today) && local.toLocalTime().isBefore(windows.rushTo())) {
                lastObserved = previousSchoolDay(today, z); // today's rush is not over: not yet history
            }
            out.add(forecast(t.id(), z, lastObserved, morning));
        }
        return out;
    }

    /**
     * The forecast for {@code morning} knowing the mornings up to {@code lastObserved} included.
     *
     * @param zone the target's holiday zone, or null for a national service
     */
    public HeadroomForecast forecast(String target, String zone, LocalDate lastObserved, LocalDate morning) {
        List<MorningSample> past = new ArrayList<>();
        LocalDate d = lastObserved;
        for (int i = 0; i < 150 && past.size() < settings.historyDays(); i++, d = d.minusDays(1)) {
            if (load.isSchoolDay(d, zone)) {
                history.morning(target, d).ifPresent(past::add);
            }
        }
        past.sort(Comparator.comparing(MorningSample::day));
        double factor = load.factor(morning, zone);
        List<String> reasons = reasons(morning, zone);
        if (past.size() < settings.minDays()) {
            return new HeadroomForecast(target, morning, windows.announced(), Risk.UNKNOWN, null, factor, reasons, null);
        }
        double[] factors = past.stream().mapToDouble(s -> load.factor(s.day(), zone)).toArray();
        int ahead = 0;
        for (LocalDate x = lastObserved; x.isBefore(morning); x = x.plusDays(1)) {
            ahead += load.isSchoolDay(x.plusDays(1), zone) ? 1 : 0;
        }
        HeadroomModel.Prediction p = model.predict(past, factors, Math.max(1, ahead), factor);
        MorningSample worst = past.stream().skip(Math.max(0, past.size() - 5))
                .max(Comparator.comparingDouble(s -> s.worstMs() / Math.max(1, s.calmMs()))).orElseThrow();
        return new HeadroomForecast(target, morning, windows.announced(), model.risk(p), p, factor, reasons,
                ForecastWording.evidence(worst));
    }

    private List<String> reasons(LocalDate morning, String zone) {
        List<String> reasons = new ArrayList<>();
        if (load.isReturnFromHolidays(morning, zone)) {
            reasons.add("retour de vacances");
        }
        Optional<fr.vigie.config.SpecialDay> special = load.special(morning, zone);
        special.ifPresent(s -> reasons.add(s.name()));
        return reasons;
    }

    private LocalDate previousSchoolDay(LocalDate day, String zone) {
        LocalDate d = day.minusDays(1);
        for (int i = 0; i < 120 && !load.isSchoolDay(d, zone); i++) {
            d = d.minusDays(1);
        }
        return d;
    }

    /** The model alone, for the benchmark's grid on precomputed mornings. */
    public HeadroomModel model() {
        return model;
    }
}
