package fr.vigie.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The {@code calendar} section: where newer school holidays come from and which mornings are special.
 *
 * @param holidaysFile the ministry's "fr-en-calendrier-scolaire" export (JSON or CSV) that extends the shipped
 *                     holidays, or null for the shipped data only
 * @param warnDays     how many days before the data runs out operators are warned (logs, health)
 * @param specialDays  declared heavier mornings, for the headroom forecast
 */
public record SchoolCalendarSettings(Path holidaysFile, int warnDays, List<SpecialDay> specialDays) {
    public static final SchoolCalendarSettings DEFAULT = new SchoolCalendarSettings(null, 60, List.of());

    public SchoolCalendarSettings {
        specialDays = List.copyOf(specialDays);
    }
}
