package fr.vigie.config.load;

import fr.vigie.config.AlertsConfig;
import fr.vigie.config.CalendarConfig;
import fr.vigie.config.ConfigException;
import fr.vigie.config.HostingGroup;
import fr.vigie.config.Journey;
import fr.vigie.config.MaintenanceWindow;
import fr.vigie.config.ScheduleConfig;
import fr.vigie.config.Site;
import fr.vigie.config.Target;
import fr.vigie.config.VigieConfig;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads one YAML document into a {@link VigieConfig}. Sections are read in dependency order (names
 * before the references to them), every problem is collected, and the result is returned only when
 * there are none.
 */
public final class ConfigReader {
    static final String[] TOP_LEVEL = {"site", "storage", "vantage", "probing", "schedules", "calendars",
            "maintenance", "journeys", "targets", "classifier", "alerts", "hosting-groups", "cluster",
            "subscriptions", "calendar", "forecast"};

    private final Map<String, String> environment;

    public ConfigReader(Map<String, String> environment) {
        this.environment = environment;
    }

    /**
     * @param yaml       the file's text
     * @param baseFolder folder that relative {@code file:} secrets resolve against
     */
    public VigieConfig read(String yaml, Path baseFolder) throws ConfigException {
        Problems problems = new Problems("");
        LocatedTree tree = LocatedTree.parse(yaml, problems);
        problems.locateWith(tree::lineOf);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems.errors());
        }
        SecretResolver secrets = new SecretResolver(environment, baseFolder);
        problems.redactWith(secrets::redact);
        Node root = new Node(tree.root(), "", new Node.Context(problems, secrets));
        if (!root.present()) {
            throw new ConfigException(List.of(new fr.vigie.config.ConfigError("", 0,
                    "empty configuration: at least 'targets' is needed")));
        }
        if (!root.json().isObject()) {
            root.mapping(TOP_LEVEL); // reports the wrong type; nothing else can be read
            throw new ConfigException(problems.errors());
        }
        VigieConfig config = sections(root);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems.errors());
        }
        return config;
    }

    private static VigieConfig sections(Node root) {
        root.mapping(TOP_LEVEL);
        Site site = SettingsReader.site(root.get("site"));
        Map<String, CalendarConfig> calendars = ScheduleReader.calendars(root.get("calendars"));
        Map<String, ScheduleConfig> schedules = ScheduleReader.schedules(root.get("schedules"), calendars.keySet());
        Map<String, Journey> journeys = new LinkedHashMap<>(BuiltinJourneys.all());
        journeys.putAll(JourneyReader.journeys(root.get("journeys")));
        List<Target> targets = List.of();
        if (root.get("targets").required()) {
            targets = TargetReader.targets(root.get("targets"), journeys, schedules.keySet());
            if (root.get("targets").json().isArray() && root.get("targets").json().isEmpty()) {
                root.get("targets").error("at least one target is needed");
            }
        }
        Set<String> ids = targets.stream().map(Target::id).filter(Objects::nonNull).collect(Collectors.toSet());
        Set<String> groups = targets.stream().map(Target::hostingGroup).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        List<MaintenanceWindow> maintenance = ScheduleReader.maintenance(root.get("maintenance"), site.timeZone(),
                ids, groups);
        AlertsConfig alerts = AlertsReader.alerts(root.get("alerts"), targets);
        fr.vigie.config.SubscriptionsConfig subscriptions = SubscriptionsReader.subscriptions(root.get("subscriptions"));
        SubscriptionsReader.checkSameOrigin(subscriptions, site, root.get("subscriptions").get("public-url"));
        return new VigieConfig(site, SettingsReader.storage(root.get("storage")),
                SettingsReader.vantage(root.get("vantage")), SettingsReader.probing(root.get("probing")),
                schedules, calendars, maintenance, journeys, targets,
                SettingsReader.classifier(root.get("classifier")), alerts,
                hostingGroups(root.get("hosting-groups"), groups), ClusterReader.cluster(root.get("cluster")),
                subscriptions, CalendarReader.calendar(root.get("calendar")), ForecastReader.forecast(root.get("forecast")));
    }

    /** {@code hosting-groups: {<group>: {name: ...}}}: readable names of the targets' hosting groups. */
    private static Map<String, HostingGroup> hostingGroups(Node node, Set<String> used) {
        Map<String, HostingGroup> groups = new LinkedHashMap<>();
        if (!node.present()) {
            return groups;
        }
        if (!node.json().isObject()) {
            node.error("expected a mapping of hosting groups, e.g. ovh-sbg: {name: OVHcloud Strasbourg}");
            return groups;
        }
        node.json().fieldNames().forEachRemaining(id -> {
            Node group = node.get(id);
            if (!used.contains(id)) {
                group.error("no target has hosting-group '" + id + "'");
            }
            if (!group.mapping("name")) {
                return;
            }
            String name = group.get("name").text();
            if (name == null || name.isBlank()) {
                group.get("name").error("a readable name is needed, e.g. OVHcloud Strasbourg");
                return;
            }
            groups.put(id, new HostingGroup(id, name.trim()));
        });
        return groups;
    }
}
