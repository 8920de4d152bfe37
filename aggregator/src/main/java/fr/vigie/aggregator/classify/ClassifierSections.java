package fr.vigie.aggregator.classify;

import fr.vigie.config.CalendarConfig;
import fr.vigie.config.ClassifierConfig;
import fr.vigie.config.MaintenanceWindow;
import fr.vigie.config.SchoolCalendarSettings;
import fr.vigie.config.SignatureConfig;
import fr.vigie.config.TargetKind;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the {@link Classifier} reads of the configuration, and nothing else: per watched service its hosting group,
 * kind, school holiday zone and journey length; the hosting groups' readable names (evidence words); the calendars and the school calendar (the kind of day); the
 * declared maintenance windows; the extra body signatures of {@code probing}; its own thresholds; the site's time
 * zone. The aggregator cuts it from its own sections ({@code AggregatorSections.classifierSections()}).
 *
 * @param targets        what the classifier reads of each watched service, by target id
 * @param hostingNames   readable name of each hosting group ({@code hosting-groups.<id>.name}), by group id
 * @param calendars      the {@code calendars} section, possibly empty
 * @param schoolCalendar the {@code calendar} section (holidays file), the shipped data when null
 * @param maintenance    declared maintenance windows, possibly empty
 * @param signatures     extra body signatures ({@code probing.signatures}), added to the shipped catalogue
 * @param tuning         the {@code classifier} thresholds, the defaults when null
 * @param zone           the site's time zone (hour of day, words of the evidence), Europe/Paris when null
 */
public record ClassifierSections(Map<String, TargetFacts> targets, Map<String, String> hostingNames,
                                 Map<String, CalendarConfig> calendars,
                                 SchoolCalendarSettings schoolCalendar, List<MaintenanceWindow> maintenance,
                                 List<SignatureConfig> signatures, ClassifierConfig tuning, ZoneId zone) {
    public ClassifierSections {
        targets = targets == null ? Map.of() : Map.copyOf(targets);
        hostingNames = hostingNames == null ? Map.of() : Map.copyOf(hostingNames);
        // the calendars keep the file's order (DayTypes reads them in it): not copied, Map.copyOf would lose it
        calendars = calendars == null ? Map.of() : calendars;
        schoolCalendar = schoolCalendar == null ? SchoolCalendarSettings.DEFAULT : schoolCalendar;
        maintenance = maintenance == null ? List.of() : List.copyOf(maintenance);
        signatures = signatures == null ? List.of() : List.copyOf(signatures);
        tuning = tuning == null ? ClassifierConfig.defaults() : tuning;
        zone = zone == null ? ZoneId.of("Europe/Paris") : zone;
    }

    /** What the classifier reads of one service, or nothing for a target the configuration does not name. */
    public Optional<TargetFacts> target(String id) {
        return Optional.ofNullable(targets.get(id));
    }

    /** The readable name of a hosting group, or its id when it has none (as the incident titles say it). */
    public String hostingName(String group) {
        return group == null ? null : hostingNames.getOrDefault(group, group);
    }

    /**
     * What the classifier reads of one watched service.
     *
     * @param hostingGroup  hosting group shared with other targets (correlation scope), or null
     * @param kind          ent, cned, sso or control
     * @param holidayZone   school holiday zone A, B or C, null for national services
     * @param journeySteps  steps of its journey (a run reports them all, skipped ones too), 0 when unknown
     */
    public record TargetFacts(String hostingGroup, TargetKind kind, String holidayZone, int journeySteps) {
    }
}
