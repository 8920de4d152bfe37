package fr.vigie.config.calendar;

import java.time.LocalDate;
import java.util.Set;

/**
 * School holidays: days without classes from {@code from} to {@code to}, both inclusive.
 *
 * @param zones the zones concerned (A, B, C)
 */
public record HolidayPeriod(String name, Set<String> zones, LocalDate from, LocalDate to) {
    public HolidayPeriod {
        zones = Set.copyOf(zones);
    }

    public boolean covers(LocalDate date, String zone) {
        return zones.contains(zone) && !date.isBefore(from) && !date.isAfter(to);
    }
}
