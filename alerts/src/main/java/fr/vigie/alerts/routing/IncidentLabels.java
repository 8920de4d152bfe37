package fr.vigie.alerts.routing;

import fr.vigie.aggregator.Incident;
import fr.vigie.config.Target;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What routes and silences match on: the union of the labels of an incident's targets (an incident about
 * nine ENTs has nine regions) plus its own cause, status, id and scope. Values are compared case-insensitively.
 */
public record IncidentLabels(String incident, String scope, Set<String> targets, Set<String> kinds,
                             Set<String> regions, Set<String> academies, Set<String> hostingGroups,
                             Set<String> causes, Set<String> statuses) {

    public static IncidentLabels of(Incident incident, TargetDirectory directory) {
        Set<String> kinds = new LinkedHashSet<>();
        Set<String> regions = new LinkedHashSet<>();
        Set<String> academies = new LinkedHashSet<>();
        Set<String> hosting = new LinkedHashSet<>();
        for (String id : incident.targets()) {
            directory.find(id).ifPresent(t -> addTarget(t, kinds, regions, academies, hosting));
        }
        String scope = incident.scope() == null ? "" : incident.scope();
        if (scope.startsWith("hosting:")) {
            hosting.add(norm(scope.substring("hosting:".length())));
        }
        Set<String> causes = incident.cause() == null ? Set.of() : Set.of(incident.cause().wire());
        Set<String> statuses = incident.status() == null ? Set.of() : Set.of(incident.status().wire());
        Set<String> targets = new LinkedHashSet<>();
        incident.targets().forEach(t -> targets.add(norm(t)));
        return new IncidentLabels(incident.id(), scope, Set.copyOf(targets), Set.copyOf(kinds), Set.copyOf(regions),
                Set.copyOf(academies), Set.copyOf(hosting), causes, statuses);
    }

    /** The labels of one target with a cause, for what is about a target but is no incident (a forecast). */
    public static IncidentLabels ofTarget(String key, String target, String cause, TargetDirectory directory) {
        Set<String> kinds = new LinkedHashSet<>();
        Set<String> regions = new LinkedHashSet<>();
        Set<String> academies = new LinkedHashSet<>();
        Set<String> hosting = new LinkedHashSet<>();
        directory.find(target).ifPresent(t -> addTarget(t, kinds, regions, academies, hosting));
        return new IncidentLabels(key, "target:" + target, Set.of(norm(target)), Set.copyOf(kinds), Set.copyOf(regions),
                Set.copyOf(academies), Set.copyOf(hosting), Set.of(cause), Set.of());
    }

    private static void addTarget(Target t, Set<String> kinds, Set<String> regions, Set<String> academies,
                                  Set<String> hosting) {
        if (t.kind() != null) kinds.add(norm(t.kind().name()));
        if (t.region() != null) regions.add(norm(t.region()));
        t.academies().forEach(a -> academies.add(norm(a)));
        if (t.hostingGroup() != null) hosting.add(norm(t.hostingGroup()));
    }

    /** The values of one label by its name (as used in silence matchers), empty for an unknown name. */
    public Set<String> values(String label) {
        return switch (norm(label)) {
            case "incident" -> Set.of(norm(incident));
            case "scope" -> Set.of(norm(scope));
            case "target" -> targets;
            case "kind" -> kinds;
            case "region" -> regions;
            case "academie", "académie", "academy" -> academies;
            case "hosting", "hostinggroup", "hosting_group" -> hostingGroups;
            case "cause" -> causes;
            case "status" -> statuses;
            default -> Set.of();
        };
    }

    /** True when the matcher is empty (no constraint) or one of its values is among ours. */
    public static boolean anyMatch(java.util.Collection<String> wanted, Set<String> have) {
        return wanted.isEmpty() || wanted.stream().map(IncidentLabels::norm).anyMatch(have::contains);
    }

    static String norm(String s) {
        return s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    }
}
