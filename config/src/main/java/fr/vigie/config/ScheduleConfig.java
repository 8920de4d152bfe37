package fr.vigie.config;

import java.time.Duration;

/**
 * A named schedule: exactly one of {@code cron} (Quartz syntax, in the site's time zone) or
 * {@code every} (a plain interval), optionally restricted to a calendar's days.
 *
 * @param calendar     name of a {@link CalendarConfig}, or null
 * @param onlySchoolDays when true, fires only on school days of the target's holiday zone
 */
public record ScheduleConfig(String name, String cron, Duration every, String calendar, boolean onlySchoolDays) {
}
