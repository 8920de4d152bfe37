package fr.vigie.alerts.silence;

import fr.vigie.aggregator.Incident;
import fr.vigie.alerts.routing.TargetDirectory;
import fr.vigie.config.MaintenanceWindow;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The configuration's maintenance windows: an incident whose every target is under maintenance is not notified. */
public final class MaintenanceCalendar {
    private final List<MaintenanceWindow> windows;
    private final TargetDirectory directory;

    public MaintenanceCalendar(List<MaintenanceWindow> windows, TargetDirectory directory) {
        this.windows = List.copyOf(windows);
        this.directory = directory;
    }

    /** A window covering the whole incident at that time, if any. */
    public Optional<MaintenanceWindow> covering(Incident incident, Instant at) {
        for (MaintenanceWindow w : windows) {
            if (covers(w, incident, at)) return Optional.of(w);
        }
        return Optional.empty();
    }

    private boolean covers(MaintenanceWindow w, Incident incident, Instant at) {
        String scope = incident.scope() == null ? "" : incident.scope();
        if (incident.targets().isEmpty()) {
            boolean inTime = !at.isBefore(w.start()) && at.isBefore(w.end());
            return inTime && (w.targets().isEmpty() || w.targets().contains(scope));
        }
        return incident.targets().stream()
                .allMatch(t -> w.covers(t, directory.hostingGroupOf(t), at));
    }
}
