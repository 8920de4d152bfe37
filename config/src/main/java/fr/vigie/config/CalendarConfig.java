package fr.vigie.config;

import java.time.LocalDate;
import java.util.List;

/**
 * A named calendar of days off: French school holidays of a zone and public holidays
 * (from the data file shipped in the repo) plus extra excluded dates.
 *
 * @param zone            holiday zone {@code A}, {@code B} or {@code C}, or null for none
 * @param publicHolidays  whether French public holidays are excluded
 * @param excludedDates   extra days off
 */
public record CalendarConfig(String name, String zone, boolean publicHolidays, List<LocalDate> excludedDates) {
    public CalendarConfig {
        excludedDates = List.copyOf(excludedDates);
    }
}
