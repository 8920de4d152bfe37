package fr.vigie.aggregator;

import fr.vigie.aggregator.classify.ClassifierSections;
import fr.vigie.config.CalendarConfig;
import fr.vigie.config.ClassifierConfig;
import fr.vigie.config.HostingGroup;
import fr.vigie.config.Journey;
import fr.vigie.config.MaintenanceWindow;
import fr.vigie.config.ProbingConfig;
import fr.vigie.config.SchoolCalendarSettings;
import fr.vigie.config.Site;
import fr.vigie.config.StorageConfig;
import fr.vigie.config.Target;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sections of the configuration the aggregator is made from, and nothing else: the watched services and their
 * hosting groups (incident scopes and titles), the journeys (how many steps a target's run reports), the
 * classifier's thresholds and what it reads besides (body signatures of {@code probing}, calendars and the school
 * calendar for the kind of day, maintenance windows), the site's time zone, and the storage's retention (how many
 * days of step history a snapshot carries). The application cuts them from the whole configuration.
 *
 * @param site          the {@code site} section (its time zone), or null
 * @param storage       the {@code storage} section (its retention), or null
 * @param journeys      the {@code journeys} section (with the built-in journeys), by name, possibly empty
 * @param hostingGroups readable names of the hosting groups, possibly empty
 * @param classifier    the classifier thresholds, null for the defaults
 * @param probing       the {@code probing} section (its extra body signatures), or null
 */
public record AggregatorSections(Site site, StorageConfig storage, List<Target> targets,
                                 Map<String, Journey> journeys, Map<String, HostingGroup> hostingGroups, ClassifierConfig classifier,
                                 ProbingConfig probing, Map<String, CalendarConfig> calendars,
                                 SchoolCalendarSettings schoolCalendar, List<MaintenanceWindow> maintenance) {
    public AggregatorSections {
        targets = targets == null ? List.of() : List.copyOf(targets);
        maintenance = maintenance == null ? List.of() : List.copyOf(maintenance);
        // the configuration's maps keep the file's order: not copied (Map.copyOf would lose it)
        hostingGroups = hostingGroups == null ? Map.of() : hostingGroups;
        journeys = journeys == null ? Map.of() : journeys;
        calendars = calendars == null ? Map.of() : calendars;
        schoolCalendar = schoolCalendar == null ? SchoolCalendarSettings.DEFAULT : schoolCalendar;
    }

    public Optional<Target> target(String id) {
        return targets.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The readable name of a hosting group ({@code hosting-groups.<id>.name}), or the id itself. */
    public String hostingName(String group) {
        HostingGroup g = group == null ? null : hostingGroups.get(group);
        return g == null || g.name() == null || g.name().isBlank() ? group : g.name();
    }

    /** What the classifier reads of these sections ({@link ClassifierSections}). */
    public ClassifierSections classifierSections() {
        Map<String, ClassifierSections.TargetFacts> facts = new LinkedHashMap<>();
        for (Target t : targets) {
            Journey j = journeys.get(t.journey());
            // the first target of an id wins, as target(id) finds it
            facts.putIfAbsent(t.id(), new ClassifierSections.TargetFacts(t.hostingGroup(), t.kind(), t.holidayZone(),
                    j == null ? 0 : j.steps().size()));
        }
        Map<String, String> names = new LinkedHashMap<>();
        hostingGroups.keySet().forEach(g -> names.put(g, hostingName(g)));
        ZoneId zone = site == null ? null : site.timeZone();
        return new ClassifierSections(facts, names, calendars, schoolCalendar, maintenance,
                probing == null ? null : probing.signatures(), classifier, zone);
    }
}
