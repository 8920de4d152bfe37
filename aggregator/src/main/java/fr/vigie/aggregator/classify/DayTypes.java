package fr.vigie.aggregator.classify;

import fr.vigie.config.calendar.SchoolCalendar;
import fr.vigie.config.CalendarConfig;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * School day or not, for baselines and rush priors: a school day of the target's holiday zone in the shipped
 * French school calendar (holidays by zone A/B/C, public holidays), minus every configured calendar's excluded
 * dates. National services (no zone) follow "a school day in some zone".
 */
final class DayTypes {
    private final SchoolCalendar calendar;
    private final Set<LocalDate> offDays = new HashSet<>();

    DayTypes(Map<String, CalendarConfig> calendars, SchoolCalendar calendar) {
        this.calendar = calendar;
        calendars.values().forEach(c -> offDays.addAll(c.excludedDates()));
    }

    boolean schoolDay(LocalDate date, String holidayZone) {
        return !offDays.contains(date) && calendar.isSchoolDay(date, holidayZone);
    }
}
