package fr.vigie.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole configuration: one YAML file, loaded and validated by {@link ConfigLoader}.
 * Immutable; maps keep the file's order.
 *
 * @param hostingGroups readable names of the hosting groups ({@code hosting-groups}), possibly empty
 * @param cluster       the {@code cluster} section, null for a single process
 * @param subscriptions the {@code subscriptions} section, null when the public cannot subscribe
 * @param schoolCalendar the {@code calendar} section (holidays file, special days); never null
 * @param forecast      the {@code forecast} section (headroom forecast settings); never null
 */
public record VigieConfig(
        Site site,
        StorageConfig storage,
        Vantage vantage,
        ProbingConfig probing,
        Map<String, ScheduleConfig> schedules,
        Map<String, CalendarConfig> calendars,
        List<MaintenanceWindow> maintenance,
        Map<String, Journey> journeys,
        List<Target> targets,
        ClassifierConfig classifier,
        AlertsConfig alerts,
        Map<String, HostingGroup> hostingGroups,
        ClusterConfig cluster,
        SubscriptionsConfig subscriptions,
        SchoolCalendarSettings schoolCalendar,
        ForecastConfig forecast) {

    /** Without a {@code forecast} section: the fitted defaults. */
    public VigieConfig(Site site, StorageConfig storage, Vantage vantage, ProbingConfig probing,
                       Map<String, ScheduleConfig> schedules, Map<String, CalendarConfig> calendars,
                       List<MaintenanceWindow> maintenance, Map<String, Journey> journeys, List<Target> targets,
                       ClassifierConfig classifier, AlertsConfig alerts, Map<String, HostingGroup> hostingGroups,
                       ClusterConfig cluster, SubscriptionsConfig subscriptions, SchoolCalendarSettings schoolCalendar) {
        this(site, storage, vantage, probing, schedules, calendars, maintenance, journeys, targets, classifier, alerts,
                hostingGroups, cluster, subscriptions, schoolCalendar, ForecastConfig.DEFAULT);
    }

    /** Without a {@code calendar} section (older callers). */
    public VigieConfig(Site site, StorageConfig storage, Vantage vantage, ProbingConfig probing,
                       Map<String, ScheduleConfig> schedules, Map<String, CalendarConfig> calendars,
                       List<MaintenanceWindow> maintenance, Map<String, Journey> journeys, List<Target> targets,
                       ClassifierConfig classifier, AlertsConfig alerts, Map<String, HostingGroup> hostingGroups,
                       ClusterConfig cluster, SubscriptionsConfig subscriptions) {
        this(site, storage, vantage, probing, schedules, calendars, maintenance, journeys, targets, classifier, alerts,
                hostingGroups, cluster, subscriptions, SchoolCalendarSettings.DEFAULT);
    }

    /** Without a {@code subscriptions} section (no e-mail subscriptions). */
    public VigieConfig(Site site, StorageConfig storage, Vantage vantage, ProbingConfig probing,
                       Map<String, ScheduleConfig> schedules, Map<String, CalendarConfig> calendars,
                       List<MaintenanceWindow> maintenance, Map<String, Journey> journeys, List<Target> targets,
                       ClassifierConfig classifier, AlertsConfig alerts, Map<String, HostingGroup> hostingGroups,
                       ClusterConfig cluster, SchoolCalendarSettings schoolCalendar) {
        this(site, storage, vantage, probing, schedules, calendars, maintenance, journeys, targets, classifier, alerts,
                hostingGroups, cluster, null, schoolCalendar);
    }

    /** Without {@code subscriptions} and {@code calendar} sections. */
    public VigieConfig(Site site, StorageConfig storage, Vantage vantage, ProbingConfig probing,
                       Map<String, ScheduleConfig> schedules, Map<String, CalendarConfig> calendars,
                       List<MaintenanceWindow> maintenance, Map<String, Journey> journeys, List<Target> targets,
                       ClassifierConfig classifier, AlertsConfig alerts, Map<String, HostingGroup> hostingGroups,
                       ClusterConfig cluster) {
        this(site, storage, vantage, probing, schedules, calendars, maintenance, journeys, targets, classifier, alerts,
                hostingGroups, cluster, null, SchoolCalendarSettings.DEFAULT);
    }

    /** A single-process configuration without a {@code hosting-groups} section (tests, older callers). */
    public VigieConfig(Site site, StorageConfig storage, Vantage vantage, ProbingConfig probing,
                       Map<String, ScheduleConfig> schedules, Map<String, CalendarConfig> calendars,
                       List<MaintenanceWindow> maintenance, Map<String, Journey> journeys, List<Target> targets,
                       ClassifierConfig classifier, AlertsConfig alerts) {
        this(site, storage, vantage, probing, schedules, calendars, maintenance, journeys, targets, classifier, alerts,
                Map.of(), null);
    }

    /** A single-process configuration (no {@code cluster} section). */
    public VigieConfig(Site site, StorageConfig storage, Vantage vantage, ProbingConfig probing,
                       Map<String, ScheduleConfig> schedules, Map<String, CalendarConfig> calendars,
                       List<MaintenanceWindow> maintenance, Map<String, Journey> journeys, List<Target> targets,
                       ClassifierConfig classifier, AlertsConfig alerts, Map<String, HostingGroup> hostingGroups) {
        this(site, storage, vantage, probing, schedules, calendars, maintenance, journeys, targets, classifier, alerts,
                hostingGroups, null);
    }

    public VigieConfig {
        hostingGroups = ordered(hostingGroups == null ? Map.of() : hostingGroups);
        schedules = ordered(schedules);
        calendars = ordered(calendars);
        maintenance = List.copyOf(maintenance);
        journeys = ordered(journeys);
        targets = List.copyOf(targets);
        schoolCalendar = schoolCalendar == null ? SchoolCalendarSettings.DEFAULT : schoolCalendar;
        forecast = forecast == null ? ForecastConfig.DEFAULT : forecast;
    }

    /** An unmodifiable copy that keeps the file's order (Map.copyOf would not). */
    static <V> Map<String, V> ordered(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    public Optional<Target> target(String id) {
        return targets.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The readable name of a hosting group ({@code hosting-groups.<id>.name}), or the id itself. */
    public String hostingName(String group) {
        HostingGroup g = group == null ? null : hostingGroups.get(group);
        return g == null || g.name() == null || g.name().isBlank() ? group : g.name();
    }

    public Journey journeyOf(Target target) {
        return journeys.get(target.journey());
    }

    /** The same configuration with other targets (the demo renames its simulated services). */
    public VigieConfig withTargets(List<Target> others) {
        return new VigieConfig(site, storage, vantage, probing, schedules, calendars, maintenance, journeys, others,
                classifier, alerts, hostingGroups, cluster, subscriptions, schoolCalendar, forecast);
    }

    /** The same configuration with other probing settings (the demo points the probes at its DNS server). */
    public VigieConfig withProbing(ProbingConfig other) {
        return new VigieConfig(site, storage, vantage, other, schedules, calendars, maintenance, journeys, targets,
                classifier, alerts, hostingGroups, cluster, subscriptions, schoolCalendar, forecast);
    }

    /** The same configuration probing from another vantage ({@code vigie run --role probe --vantage NAME}). */
    public VigieConfig withVantage(Vantage other) {
        return new VigieConfig(site, storage, other, probing, schedules, calendars, maintenance, journeys, targets,
                classifier, alerts, hostingGroups, cluster, subscriptions, schoolCalendar, forecast);
    }

    /** The same configuration with other cluster settings. */
    public VigieConfig withCluster(ClusterConfig other) {
        return new VigieConfig(site, storage, vantage, probing, schedules, calendars, maintenance, journeys, targets,
                classifier, alerts, hostingGroups, other, subscriptions, schoolCalendar, forecast);
    }

    /** The same configuration with other subscription settings (tests point it at their SMTP server). */
    public VigieConfig withSubscriptions(SubscriptionsConfig other) {
        return new VigieConfig(site, storage, vantage, probing, schedules, calendars, maintenance, journeys, targets,
                classifier, alerts, hostingGroups, cluster, other, schoolCalendar, forecast);
    }

    /** The same configuration with other forecast settings. */
    public VigieConfig withForecast(ForecastConfig other) {
        return new VigieConfig(site, storage, vantage, probing, schedules, calendars, maintenance, journeys, targets,
                classifier, alerts, hostingGroups, cluster, subscriptions, schoolCalendar, other);
    }

    /** The subscriptions section, absent when the public cannot subscribe. */
    public Optional<SubscriptionsConfig> subscriptionSettings() {
        return Optional.ofNullable(subscriptions);
    }

    /** The cluster section, absent for a single process. */
    public Optional<ClusterConfig> clusterSettings() {
        return Optional.ofNullable(cluster);
    }
}
