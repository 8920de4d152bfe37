package fr.vigie.aggregator.classify;

import fr.vigie.config.CalendarConfig;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * School day or not, for baselines and rush priors: Monday to Friday minus every configured calendar's
 * excluded dates. (A full school-holiday calendar per zone belongs to the config module; until it is there,
 * configured excluded dates are what we know.)
 */
final class DayTypes {
    private final Set<LocalDate> offDays = new HashSet<>();

    DayTypes(Map<String, CalendarConfig> calendars) {
        calendars.values().forEach(c -> offDays.addAll(c.excludedDates()));
    }

    boolean schoolDay(LocalDate date) {
        DayOfWeek d = date.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && !offDays.contains(date);
    }
}
