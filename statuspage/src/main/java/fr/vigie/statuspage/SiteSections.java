package fr.vigie.statuspage;

import fr.vigie.config.CalendarConfig;
import fr.vigie.config.ClassifierConfig;
import fr.vigie.config.Journey;
import fr.vigie.config.MaintenanceWindow;
import fr.vigie.config.ProbingConfig;
import fr.vigie.config.ScheduleConfig;
import fr.vigie.config.Site;
import fr.vigie.config.SubscriptionsConfig;
import fr.vigie.config.Target;
import fr.vigie.config.Vantage;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sections of the configuration the public site is made from, and nothing else: the site itself, the watched
 * services and their maintenance windows, whether the public may subscribe, and what the "À propos" page
 * describes of the method (vantage, probing, classifier thresholds, schedules, calendars, journeys). The
 * application hands them out from the whole configuration; the statuspage never sees storage, alerts or cluster.
 *
 * @param subscriptions the {@code subscriptions} section, null when the public cannot subscribe
 * @param vantage       where this Vigie probes from, or null
 * @param classifier    the classifier thresholds, null for the defaults
 */
public record SiteSections(Site site, List<Target> targets, List<MaintenanceWindow> maintenance,
                           SubscriptionsConfig subscriptions, Vantage vantage, ProbingConfig probing,
                           ClassifierConfig classifier, Map<String, ScheduleConfig> schedules,
                           Map<String, CalendarConfig> calendars, Map<String, Journey> journeys) {
    public SiteSections {
        targets = targets == null ? List.of() : List.copyOf(targets);
        maintenance = maintenance == null ? List.of() : List.copyOf(maintenance);
        // the configuration's maps keep the file's order: not copied (Map.copyOf would lose it)
        schedules = schedules == null ? Map.of() : schedules;
        calendars = calendars == null ? Map.of() : calendars;
        journeys = journeys == null ? Map.of() : journeys;
    }

    public Optional<Target> target(String id) {
        return targets.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The subscriptions section, absent when the public cannot subscribe. */
    public Optional<SubscriptionsConfig> subscriptionSettings() {
        return Optional.ofNullable(subscriptions);
    }
}
