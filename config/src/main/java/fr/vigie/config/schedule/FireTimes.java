package fr.vigie.config.schedule;

import fr.vigie.config.CalendarConfig;
import fr.vigie.config.ScheduleConfig;
import fr.vigie.config.Target;
import fr.vigie.config.VigieConfig;
import fr.vigie.config.calendar.SchoolCalendar;
import org.quartz.CronExpression;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;

/**
 * The fire times of one schedule for one target. A schedule with several cron expressions fires whenever
 * any of them fires (once per instant); an {@code every} schedule fires on multiples of its interval since
 * the epoch, so that targets sharing a schedule are probed in the same rounds. Days the calendar closes, or
 * that are not school days when {@code onlySchoolDays} is set, are skipped.
 */
public final class FireTimes {
    /** Searching further than this finds nothing: the schedule never fires. */
    private static final int MAX_DAYS_AHEAD = 400;

    private final ScheduleConfig schedule;
    private final ZoneId zone;
    private final CalendarConfig calendar;
    private final String holidayZone;
    private final SchoolCalendar school;
    private final List<CronExpression> crons = new ArrayList<>();

    /**
     * @param zone        the site's time zone
     * @param calendar    the schedule's calendar, or null
     * @param holidayZone the target's holiday zone (A, B, C) or null, used with {@code onlySchoolDays}
     */
    public FireTimes(ScheduleConfig schedule, ZoneId zone, CalendarConfig calendar, String holidayZone,
                     SchoolCalendar school) {
        this.schedule = schedule;
        this.zone = zone;
        this.calendar = calendar;
        this.holidayZone = holidayZone;
        this.school = school;
        for (String expression : schedule.cronExpressions()) {
            try {
                CronExpression cron = new CronExpression(expression);
                cron.setTimeZone(TimeZone.getTimeZone(zone));
                crons.add(cron);
            } catch (ParseException e) {
                throw new IllegalArgumentException("schedule " + schedule.name() + ": " + e.getMessage(), e);
            }
        }
    }

    /** The fire times of {@code target}'s schedule, with its calendar, the site's time zone and the shipped calendar. */
    public static FireTimes of(VigieConfig config, Target target) {
        ScheduleConfig schedule = config.schedules().get(target.schedule());
        CalendarConfig calendar = schedule.calendar() == null ? null : config.calendars().get(schedule.calendar());
        return new FireTimes(schedule, config.site().timeZone(), calendar, target.holidayZone(), SchoolCalendar.of(config));
    }

    /** The first fire time strictly after {@code after}, or empty when the schedule never fires again. */
    public Optional<Instant> nextAfter(Instant after) {
        Instant candidate = after;
        Instant limit = after.plus(Duration.ofDays(MAX_DAYS_AHEAD));
        while (candidate.isBefore(limit)) {
            Optional<Instant> next = rawNextAfter(candidate);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            LocalDate day = next.get().atZone(zone).toLocalDate();
            if (isActiveOn(day)) {
                return next;
            }
            // jump to the last instant of that closed day: the next candidate is on a later day
            candidate = day.plusDays(1).atStartOfDay(zone).toInstant().minusMillis(1);
        }
        return Optional.empty();
    }

    /** Whether the schedule may fire on {@code day} (its calendar's open days, school days if asked). */
    public boolean isActiveOn(LocalDate day) {
        if (calendar != null && !school.isOpenDay(day, calendar)) {
            return false;
        }
        return !schedule.onlySchoolDays() || school.isSchoolDay(day, holidayZone);
    }

    private Optional<Instant> rawNextAfter(Instant after) {
        if (schedule.every() != null) {
            long step = schedule.every().toMillis();
            long next = Math.floorDiv(after.toEpochMilli(), step) * step + step;
            return Optional.of(Instant.ofEpochMilli(next));
        }
        Instant best = null;
        for (CronExpression cron : crons) {
            Date next = cron.getNextValidTimeAfter(Date.from(after));
            if (next != null && (best == null || next.toInstant().isBefore(best))) {
                best = next.toInstant();
            }
        }
        return Optional.ofNullable(best);
    }
}
