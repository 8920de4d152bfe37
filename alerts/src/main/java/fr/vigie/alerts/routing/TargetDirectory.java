package fr.vigie.alerts.routing;

import fr.vigie.alerts.content.ServiceRef;
import fr.vigie.config.Target;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The configured targets by id, for labels and display names; unknown ids are shown as themselves. */
public final class TargetDirectory {
    private final Map<String, Target> byId = new LinkedHashMap<>();

    public TargetDirectory(List<Target> targets) {
        targets.forEach(t -> byId.put(t.id(), t));
    }

    public Optional<Target> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The hosting group of a target, or null when unknown. */
    public String hostingGroupOf(String id) {
        Target t = byId.get(id);
        return t == null ? null : t.hostingGroup();
    }

    public ServiceRef service(String id) {
        Target t = byId.get(id);
        return new ServiceRef(id, t == null || t.name() == null ? id : t.name());
    }
}
