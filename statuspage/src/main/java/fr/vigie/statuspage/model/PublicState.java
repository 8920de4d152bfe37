package fr.vigie.statuspage.model;

import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.DayStatus;
import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.LatencyPoint;
import fr.vigie.aggregator.Status;
import fr.vigie.aggregator.StatusSnapshot;
import fr.vigie.aggregator.Verdict;
import fr.vigie.config.MaintenanceWindow;
import fr.vigie.config.Target;
import fr.vigie.config.TargetKind;
import fr.vigie.statuspage.SiteSections;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The part of a snapshot the public may see: services (control targets excluded), public incidents
 * only, and no service shown down because of Vigie's own probing problems.
 */
public final class PublicState {
    private static final Comparator<Incident> NEWEST_FIRST = Comparator.comparing(Incident::openedAt)
            .reversed().thenComparing(Incident::id);

    private final SiteSections config;
    private final StatusSnapshot snapshot;
    private final List<Target> services;
    private final List<Incident> incidents;

    public PublicState(SiteSections config, StatusSnapshot snapshot) {
        this.config = config;
        this.snapshot = snapshot;
        this.services = config.targets().stream().filter(t -> t.kind() != TargetKind.CONTROL).toList();
        this.incidents = snapshot.incidents().stream().filter(Incident::isPublic).sorted(NEWEST_FIRST).toList();
    }

    public SiteSections config() {
        return config;
    }

    public StatusSnapshot snapshot() {
        return snapshot;
    }

    public Instant at() {
        return snapshot.at();
    }

    /** Watched services in configuration order. */
    public List<Target> services() {
        return services;
    }

    public Optional<Target> service(String id) {
        return services.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public String nameOf(String targetId) {
        return config.target(targetId).map(Target::name).orElse(targetId);
    }

    public Optional<Verdict> verdict(String targetId) {
        return Optional.ofNullable(snapshot.current().get(targetId));
    }

    /** True when the latest verdict blames Vigie's own probing: the service's state is then unknown. */
    public boolean impaired(String targetId) {
        return verdict(targetId).map(v -> v.cause() == Cause.VANTAGE).orElse(false);
    }

    /** The status to publish, empty when unknown (never measured, or measurement impaired). */
    public Optional<Status> shownStatus(String targetId) {
        if (impaired(targetId)) {
            return Optional.empty();
        }
        return verdict(targetId).map(Verdict::status);
    }

    /** The worst published status over all services, empty when none is known. */
    public Optional<Status> overall() {
        return services.stream().map(t -> shownStatus(t.id())).flatMap(Optional::stream)
                .reduce(Status::worst);
    }

    /** Services whose published status is not operational, in configuration order. */
    public List<Target> disrupted() {
        return services.stream().filter(t -> shownStatus(t.id()).map(s -> s != Status.OPERATIONAL).orElse(false))
                .toList();
    }

    /** Public incidents, newest first. */
    public List<Incident> incidents() {
        return incidents;
    }

    public List<Incident> openIncidents() {
        return incidents.stream().filter(Incident::open).toList();
    }

    public List<Incident> incidentsOf(String targetId) {
        return incidents.stream().filter(i -> i.targets().contains(targetId)).toList();
    }

    /** Regions of the watched ENTs, each once, in configuration order. */
    public List<String> regions() {
        return services.stream().filter(t -> t.kind() == TargetKind.ENT && t.region() != null)
                .map(Target::region).distinct().toList();
    }

    /** Public incidents touching an ENT of this region, newest first. */
    public List<Incident> incidentsOfRegion(String region) {
        return incidents.stream().filter(i -> i.targets().stream().anyMatch(id -> service(id)
                .map(t -> t.kind() == TargetKind.ENT && region.equals(t.region())).orElse(false))).toList();
    }

    public List<DayStatus> history(String targetId) {
        return snapshot.history().getOrDefault(targetId, List.of());
    }

    public List<LatencyPoint> latency24h(String targetId) {
        return snapshot.latency24h().getOrDefault(targetId, List.of());
    }

    public List<LatencyPoint> latency7d(String targetId) {
        return snapshot.latency7d().getOrDefault(targetId, List.of());
    }

    /** Declared maintenance windows that have not ended yet, soonest first. */
    public List<MaintenanceWindow> comingMaintenance() {
        return config.maintenance().stream().filter(m -> m.end().isAfter(snapshot.at()))
                .sorted(Comparator.comparing(MaintenanceWindow::start).thenComparing(MaintenanceWindow::id)).toList();
    }

    /** Services a maintenance window concerns, in configuration order. */
    public List<Target> servicesOf(MaintenanceWindow window) {
        return services.stream().filter(t -> window.targets().isEmpty() || window.targets().contains(t.id())
                || (t.hostingGroup() != null && window.targets().contains("hosting:" + t.hostingGroup()))).toList();
    }
}
