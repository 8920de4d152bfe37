package fr.vigie.probes;

import fr.vigie.config.CalendarConfig;
import fr.vigie.config.Journey;
import fr.vigie.config.MaintenanceWindow;
import fr.vigie.config.ProbingConfig;
import fr.vigie.config.ScheduleConfig;
import fr.vigie.config.SchoolCalendarSettings;
import fr.vigie.config.Site;
import fr.vigie.config.StorageConfig;
import fr.vigie.config.Target;
import fr.vigie.config.Vantage;

import java.util.List;
import java.util.Map;

/**
 * The sections of the configuration the probes are made from, and nothing else: what to probe (targets, their
 * journeys), when (schedules, calendars, the school calendar's holidays file, the site's time zone, maintenance
 * windows), how (the {@code probing} limits and politeness, the site's contact URL in the User-Agent), from where
 * (the vantage), and where the login back-off survives restarts (the storage's data folder). The application cuts
 * them from the whole configuration.
 *
 * @param site           the {@code site} section: time zone and contact URL
 * @param vantage        where this Vigie probes from, or null
 * @param storage        the {@code storage} section (the login back-off file sits beside the store), or null
 * @param schoolCalendar the {@code calendar} section (school holidays file)
 */
public record ProbeSections(Site site, Vantage vantage, ProbingConfig probing, StorageConfig storage,
                            Map<String, ScheduleConfig> schedules, Map<String, CalendarConfig> calendars,
                            SchoolCalendarSettings schoolCalendar, List<MaintenanceWindow> maintenance,
                            Map<String, Journey> journeys, List<Target> targets) {
    public ProbeSections {
        targets = targets == null ? List.of() : List.copyOf(targets);
        maintenance = maintenance == null ? List.of() : List.copyOf(maintenance);
        // the configuration's maps keep the file's order: not copied (Map.copyOf would lose it)
        schedules = schedules == null ? Map.of() : schedules;
        calendars = calendars == null ? Map.of() : calendars;
        journeys = journeys == null ? Map.of() : journeys;
        schoolCalendar = schoolCalendar == null ? SchoolCalendarSettings.DEFAULT : schoolCalendar;
    }

    /** The journey {@code target} walks, or null when unknown. */
    public Journey journeyOf(Target target) {
        return journeys.get(target.journey());
    }
}
