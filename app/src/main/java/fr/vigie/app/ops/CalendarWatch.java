package fr.vigie.app.ops;

import fr.vigie.config.calendar.CalendarCoverage;
import fr.vigie.config.calendar.SchoolCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches how far the school-holiday data reaches: after its last day every weekday would count as a school day,
 * holidays included, so schedules, baselines and the forecast would be quietly wrong. Warns in the log at start
 * and every few hours while the data ends within {@code warnDays} or has ended, and tells /readyz and
 * /api/health ({@link Readiness#json()}).
 */
public final class CalendarWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CalendarWatch.class);
    static final Duration LOG_EVERY = Duration.ofHours(6);

    private final SchoolCalendar calendar;
    private final ZoneId zone;
    private final int warnDays;
    private final Clock clock;
    private ScheduledExecutorService timer;

    public CalendarWatch(SchoolCalendar calendar, ZoneId zone, int warnDays, Clock clock) {
        this.calendar = calendar;
        this.zone = zone;
        this.warnDays = warnDays;
        this.clock = clock;
    }

    public CalendarCoverage coverage() {
        return CalendarCoverage.of(calendar, LocalDate.now(clock.withZone(zone)), warnDays);
    }

    /** Logs the coverage now, then every {@link #LOG_EVERY} while it is short. */
    public CalendarWatch start() {
        log();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vigie-calendar-watch");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::log, LOG_EVERY.toMinutes(), LOG_EVERY.toMinutes(), TimeUnit.MINUTES);
        return this;
    }

    void log() {
        CalendarCoverage c = coverage();
        switch (c.state()) {
            case OK -> LOG.info(c.message());
            case ENDING -> LOG.warn(c.message());
            case EXPIRED -> LOG.error(c.message());
        }
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
