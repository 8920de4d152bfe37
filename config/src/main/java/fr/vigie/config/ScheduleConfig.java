package fr.vigie.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A named schedule: exactly one of {@code cron} (Quartz syntax, in the site's time zone) or
 * {@code every} (a plain interval), optionally restricted to a calendar's days.
 * {@code cron} may hold several Quartz expressions separated by {@value #CRON_SEPARATOR} (written as a YAML
 * list): the schedule fires whenever any of them fires (e.g. every 30 s during the school rush, every 2 min
 * otherwise); use {@link #cronExpressions()} rather than splitting it yourself.
 *
 * @param calendar     name of a {@link CalendarConfig}, or null
 * @param onlySchoolDays when true, fires only on school days of the target's holiday zone
 */
public record ScheduleConfig(String name, String cron, Duration every, String calendar, boolean onlySchoolDays) {
    /** Separates several Quartz expressions inside {@link #cron()}. */
    public static final String CRON_SEPARATOR = " | ";

    /** The Quartz expressions of this schedule (empty for an {@code every} schedule). */
    public List<String> cronExpressions() {
        if (cron == null || cron.isBlank()) {
            return List.of();
        }
        return Arrays.stream(cron.split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
