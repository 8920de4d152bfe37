package fr.vigie.config;

import java.time.Instant;
import java.util.List;

/**
 * A declared maintenance: results inside it are marked expected-down, alerts are suppressed,
 * and the status page shows "under maintenance".
 *
 * @param targets target ids, or hosting groups prefixed {@code hosting:}; empty means all
 */
public record MaintenanceWindow(String id, List<String> targets, Instant start, Instant end, String description) {
    public MaintenanceWindow {
        targets = List.copyOf(targets);
    }

    public boolean covers(String targetId, String hostingGroup, Instant at) {
        boolean inTime = !at.isBefore(start) && at.isBefore(end);
        boolean concerns = targets.isEmpty() || targets.contains(targetId)
                || (hostingGroup != null && targets.contains("hosting:" + hostingGroup));
        return inTime && concerns;
    }
}
