package fr.vigie.app.system;

import fr.vigie.aggregator.forecast.ExpectedLoad;
import fr.vigie.aggregator.forecast.ForecastSettings;
import fr.vigie.aggregator.forecast.ForecastWording;
import fr.vigie.aggregator.forecast.HeadroomForecast;
import fr.vigie.aggregator.forecast.HeadroomForecaster;
import fr.vigie.aggregator.forecast.Risk;
import fr.vigie.aggregator.store.Store;
import fr.vigie.alerts.AlertDispatcher;
import fr.vigie.config.Target;
import fr.vigie.config.TargetKind;
import fr.vigie.config.VigieConfig;
import fr.vigie.config.calendar.SchoolCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Computes the headroom forecast for the next school morning at start and every hour on its own thread (it reads
 * the store), keeps the latest for the status page, and from {@code forecast.alert-hour} ({@link #ALERT_FROM} by
 * default) tells the crisis cell about every service at risk "élevé" (once per service and morning: the
 * dispatcher's key dedupes), so the alert comes the day before, not at 8:00. Settings from the configuration's
 * {@code forecast} section; not started when it is disabled.
 */
public final class ForecastJob implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ForecastJob.class);
    /** The default of {@code forecast.alert-hour}. */
    static final LocalTime ALERT_FROM = LocalTime.of(12, 0);
    static final Duration EVERY = Duration.ofHours(1);

    private final HeadroomForecaster forecaster;
    private final List<Target> targets;
    private final AlertDispatcher alerts;
    private final Runnable changed;
    private final Clock clock;
    private final ZoneId zone;
    private final LocalTime alertFrom;
    private final AtomicReference<List<HeadroomForecast>> latest = new AtomicReference<>(List.of());
    private ScheduledExecutorService timer;

    public ForecastJob(VigieConfig config, Store store, AlertDispatcher alerts, Runnable changed, Clock clock) {
        this.zone = config.site().timeZone();
        this.forecaster = new HeadroomForecaster(store, new ExpectedLoad(SchoolCalendar.of(config),
                config.schoolCalendar().specialDays()), zone, ForecastSettings.of(config.forecast()));
        this.alertFrom = LocalTime.of(config.forecast().alertHour(), 0);
        this.targets = config.targets().stream().filter(t -> t.kind() != TargetKind.CONTROL).toList();
        this.alerts = alerts;
        this.changed = changed;
        this.clock = clock;
    }

    public ForecastJob start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vigie-forecast");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::runSafely, 0, EVERY.toMinutes(), TimeUnit.MINUTES);
        return this;
    }

    /** The latest forecasts (empty before the first run). */
    public List<HeadroomForecast> latest() {
        return latest.get();
    }

    private void runSafely() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warn("headroom forecast failed: {}", e.toString());
        }
    }

    /** One computation: forecasts, the page, and alerts when it is time. Also called by tests. */
    public List<HeadroomForecast> run() {
        List<HeadroomForecast> forecasts = forecaster.nextMorning(targets, clock.instant());
        latest.set(forecasts);
        changed.run();
        boolean alertTime = !LocalTime.now(clock.withZone(zone)).isBefore(alertFrom);
        for (HeadroomForecast f : forecasts) {
            if (f.risk() == Risk.HIGH) {
                LOG.warn("headroom forecast {}: {} ({})", f.target(), ForecastWording.headline(f), f.evidence());
                if (alertTime && alerts != null) {
                    alerts.forecast(f.target(), f.morning(), ForecastWording.headline(f), f.evidence(),
                            ForecastWording.uncertainty(f));
                }
            }
        }
        return forecasts;
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
