package fr.vigie.statuspage;

import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.DayStatus;
import fr.vigie.aggregator.Evidence;
import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.IncidentEvent;
import fr.vigie.aggregator.LatencyPoint;
import fr.vigie.aggregator.Status;
import fr.vigie.aggregator.StatusSnapshot;
import fr.vigie.aggregator.Verdict;
import fr.vigie.config.AlertsConfig;
import fr.vigie.config.ClassifierConfig;
import fr.vigie.config.MaintenanceWindow;
import fr.vigie.config.ProbingConfig;
import fr.vigie.config.Site;
import fr.vigie.config.StorageConfig;
import fr.vigie.config.Target;
import fr.vigie.config.TargetKind;
import fr.vigie.config.Vantage;
import fr.vigie.config.VigieConfig;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Fixed states for tests: a config with ENTs in three regions, CNED, ÉduConnect and a control target. */
final class Fixtures {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** 6 April 2021, 08:30 in Paris: the morning of the Île-de-France quota. */
    static final Instant AT = Instant.parse("2021-04-06T06:30:00Z");
    static final String HOSTILE = "<script>alert('x')</script> Nous <b>travaillons</b> & revenons";

    private Fixtures() {
    }

    static Target target(String id, String name, TargetKind kind, String region, List<String> academies,
                         String hosting) {
        return new Target(id, name, kind, region, academies, null, "vendor", hosting, "http://127.0.0.1:1",
                "journey", Optional.empty(), "default", List.of(), Map.of());
    }

    static List<Target> targets() {
        return List.of(
                target("ent-idf", "Monlycée.net", TargetKind.ENT, "Île-de-France",
                        List.of("Paris", "Créteil", "Versailles"), "ovh-gra"),
                target("ent77", "ENT77", TargetKind.ENT, "Île-de-France", List.of("Créteil"), "ovh-gra"),
                target("ent-hdf", "ENT Hauts-de-France", TargetKind.ENT, "Hauts-de-France",
                        List.of("Lille", "Amiens"), "ovh-rbx"),
                target("mbn", "Mon Bureau Numérique", TargetKind.ENT, "Grand Est",
                        List.of("Nancy-Metz", "Reims", "Strasbourg"), "kosmos"),
                target("cned-college", "CNED Ma classe à la maison", TargetKind.CNED, null, List.of(), "bbcollab"),
                target("educonnect", "ÉduConnect", TargetKind.SSO, null, List.of(), "men"),
                target("control-1", "Contrôle", TargetKind.CONTROL, null, List.of(), "ctl"));
    }

    static VigieConfig config() {
        return config(targets());
    }

    /** The sections of {@code config} the site is made from, as the application hands them out. */
    static SiteSections sections(VigieConfig config) {
        return new SiteSections(config.site(), config.targets(), config.maintenance(), config.subscriptions(),
                config.vantage(), config.probing(), config.classifier(), config.schedules(), config.calendars(),
                config.journeys());
    }

    /** The sections of {@code config} the aggregator is made from, as the application hands them out. */
    static fr.vigie.aggregator.AggregatorSections aggregatorSections(VigieConfig config) {
        return new fr.vigie.aggregator.AggregatorSections(config.site(), config.storage(), config.targets(),
                config.journeys(), config.hostingGroups(), config.classifier(), config.probing(), config.calendars(),
                config.schoolCalendar(), config.maintenance());
    }

    static VigieConfig config(List<Target> targets) {
        Site site = new Site("Vigie", "https://etat.vigie.test", Path.of("site"), List.of("fr", "en"), PARIS,
                "127.0.0.1:0", "https://vigie.test/contact");
        StorageConfig storage = new StorageConfig(StorageConfig.Type.EMBEDDED, Path.of("vigie.db"), null, null,
                Duration.ofDays(30), null, null);
        ProbingConfig probing = new ProbingConfig("Vigie", 5, Duration.ofSeconds(5), Duration.ofSeconds(20),
                1_000_000, 10, Duration.ofMinutes(30), List.of());
        List<MaintenanceWindow> maintenance = List.of(
                new MaintenanceWindow("mnt-hdf", List.of("ent-hdf"), Instant.parse("2021-04-10T18:00:00Z"),
                        Instant.parse("2021-04-10T22:00:00Z"), "Mise à jour de la plateforme"),
                new MaintenanceWindow("mnt-now", List.of("hosting:kosmos"), Instant.parse("2021-04-06T06:00:00Z"),
                        Instant.parse("2021-04-06T08:00:00Z"), "Changement de serveur"),
                new MaintenanceWindow("mnt-old", List.of(), Instant.parse("2021-03-01T18:00:00Z"),
                        Instant.parse("2021-03-01T20:00:00Z"), "Ancienne maintenance"));
        return new VigieConfig(site, storage, new Vantage("paris-1", "Paris"), probing, Map.of(), Map.of(),
                maintenance, Map.of(), targets, ClassifierConfig.defaults(), AlertsConfig.none());
    }

    static Verdict verdict(String target, Status status, Cause cause, String incident, Evidence... evidence) {
        return new Verdict(AT.minusSeconds(60), target, status, cause, cause == Cause.NONE ? Set.of() : Set.of(cause),
                0.8, List.of(evidence), incident);
    }

    static IncidentEvent event(String id, long seq, Instant ts, IncidentEvent.Type type, Status status, Cause cause,
                               List<String> targets, String message, String author, Evidence... evidence) {
        return new IncidentEvent(id, seq, ts, type, status, cause, targets, List.of(evidence), message, author);
    }

    static final Evidence SLOW = new Evidence("temps de réponse médian 4,2 s, 14 fois l'habitude",
            "median response time 4.2 s, 14 times the usual");
    static final Evidence QUEUE = new Evidence("page d'attente « Vous êtes très nombreux » sur 9 essais sur 10",
            "waiting page \"You are very many\" on 9 tries out of 10");
    static final Evidence DISK = new Evidence("message « espace disque insuffisant »", "\"disk full\" message");

    /** The quota morning: an open saturation incident with a hostile crisis-cell message, a past storage incident. */
    static StatusSnapshot crisis() {
        Incident saturation = Incident.fold("hosting:ovh-gra", List.of(
                event("2021-04-06-ovh-gra-saturation-1", 10, Instant.parse("2021-04-06T06:02:00Z"),
                        IncidentEvent.Type.OPENED, Status.PARTIAL_OUTAGE, Cause.SATURATION, List.of("ent-idf"),
                        null, "vigie", QUEUE),
                event("2021-04-06-ovh-gra-saturation-1", 11, Instant.parse("2021-04-06T06:10:00Z"),
                        IncidentEvent.Type.TARGETS_CHANGED, Status.MAJOR_OUTAGE, null, List.of("ent-idf", "ent77"),
                        null, "vigie", SLOW),
                event("2021-04-06-ovh-gra-saturation-1", 12, Instant.parse("2021-04-06T06:20:00Z"),
                        IncidentEvent.Type.HUMAN_UPDATE, null, null, List.of(), HOSTILE, "Claire")));
        Incident storage = Incident.fold("target:mbn", List.of(
                event("2021-03-15-mbn-storage-1", 3, Instant.parse("2021-03-15T07:00:00Z"),
                        IncidentEvent.Type.OPENED, Status.MAJOR_OUTAGE, Cause.STORAGE, List.of("mbn"), null,
                        "vigie", DISK),
                event("2021-03-15-mbn-storage-1", 4, Instant.parse("2021-03-15T09:30:00Z"),
                        IncidentEvent.Type.RESOLVED, Status.OPERATIONAL, null, List.of(), null, "vigie")));
        Incident vantage = Incident.fold("vantage", List.of(
                event("2021-04-05-vantage-1", 5, Instant.parse("2021-04-05T07:00:00Z"),
                        IncidentEvent.Type.OPENED, Status.MAJOR_OUTAGE, Cause.VANTAGE, List.of("ent-hdf"), null,
                        "vigie", new Evidence("sonde injoignable", "probe unreachable"))));
        Map<String, Verdict> current = new HashMap<>();
        current.put("ent-idf", verdict("ent-idf", Status.MAJOR_OUTAGE, Cause.SATURATION,
                saturation.id(), SLOW, QUEUE));
        current.put("ent77", verdict("ent77", Status.PARTIAL_OUTAGE, Cause.SATURATION, saturation.id(), SLOW));
        current.put("ent-hdf", verdict("ent-hdf", Status.OPERATIONAL, Cause.NONE, null));
        current.put("mbn", verdict("mbn", Status.UNDER_MAINTENANCE, Cause.MAINTENANCE, null));
        current.put("cned-college", verdict("cned-college", Status.DEGRADED_PERFORMANCE, Cause.APPLICATION, null));
        current.put("educonnect", verdict("educonnect", Status.OPERATIONAL, Cause.NONE, null));
        current.put("control-1", verdict("control-1", Status.OPERATIONAL, Cause.NONE, null));
        return snapshot(current, List.of(saturation, vantage, storage), false, targets());
    }

    /** Everything fine, no incident at all. */
    static StatusSnapshot calm() {
        Map<String, Verdict> current = new HashMap<>();
        for (Target t : targets()) {
            current.put(t.id(), verdict(t.id(), Status.OPERATIONAL, Cause.NONE, null));
        }
        return snapshot(current, List.of(), false, targets());
    }

    /** Vigie's own probing is impaired: verdicts blame the vantage, not the services. */
    static StatusSnapshot impaired() {
        Map<String, Verdict> current = new HashMap<>();
        for (Target t : targets()) {
            current.put(t.id(), verdict(t.id(), Status.MAJOR_OUTAGE, Cause.VANTAGE, null));
        }
        return snapshot(current, List.of(), true, targets());
    }

    static StatusSnapshot snapshot(Map<String, Verdict> current, List<Incident> incidents, boolean impaired,
                                   List<Target> targets) {
        Map<String, List<DayStatus>> history = new HashMap<>();
        Map<String, List<LatencyPoint>> day = new HashMap<>();
        Map<String, List<LatencyPoint>> week = new HashMap<>();
        int salt = 0;
        for (Target t : targets) {
            salt++;
            history.put(t.id(), history(salt));
            day.put(t.id(), latency(AT.minus(Duration.ofHours(24)), Duration.ofMinutes(15), 96, salt));
            week.put(t.id(), latency(AT.minus(Duration.ofDays(7)), Duration.ofHours(1), 168, salt));
        }
        return new StatusSnapshot(AT, AT.minusSeconds(45), 2, impaired, current, incidents, history, day, week);
    }

    /** 90 days ending the day before the snapshot, with a few bad days and a gap, deterministic. */
    static List<DayStatus> history(int salt) {
        List<DayStatus> days = new ArrayList<>();
        LocalDate first = LocalDate.of(2021, 4, 6).minusDays(89);
        for (int i = 0; i < 90; i++) {
            LocalDate date = first.plusDays(i);
            int k = (i * 7 + salt * 13) % 41;
            if (i == 5) {
                days.add(new DayStatus(date, Double.NaN, null));
            } else if (k == 0) {
                days.add(new DayStatus(date, 0.62, Status.MAJOR_OUTAGE));
            } else if (k == 1) {
                days.add(new DayStatus(date, 0.91, Status.PARTIAL_OUTAGE));
            } else if (k == 2) {
                days.add(new DayStatus(date, 0.97, Status.DEGRADED_PERFORMANCE));
            } else {
                days.add(new DayStatus(date, 1.0, Status.OPERATIONAL));
            }
        }
        return days;
    }

    static List<LatencyPoint> latency(Instant start, Duration step, int count, int salt) {
        List<LatencyPoint> points = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double base = 300 + 40 * salt + 250 * Math.sin(i / 6.0) * Math.sin(i / 6.0);
            if (i == 10) {
                points.add(new LatencyPoint(start.plus(step.multipliedBy(i)), Double.NaN, Double.NaN));
            } else {
                points.add(new LatencyPoint(start.plus(step.multipliedBy(i)), Math.round(base),
                        Math.round(base * 2.1 + (i % 5) * 30)));
            }
        }
        return points;
    }
}
