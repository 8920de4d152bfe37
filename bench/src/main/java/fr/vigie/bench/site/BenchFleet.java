package fr.vigie.bench.site;

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
import java.util.Random;
import java.util.Set;

/** A synthetic fleet for the benchmark: N services, 90 days of history, 24 h and 7 d of latency, incidents. */
final class BenchFleet {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Instant AT = Instant.parse("2026-11-26T07:30:00Z");
    private static final String[] REGIONS = {"Île-de-France", "Hauts-de-France", "Grand Est", "Occitanie",
            "Normandie", "Bretagne", "Nouvelle-Aquitaine", "Auvergne-Rhône-Alpes"};

    private BenchFleet() {
    }

    static VigieConfig config(int services) {
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < services; i++) {
            TargetKind kind = i == 0 ? TargetKind.SSO : i < 4 ? TargetKind.CNED : TargetKind.ENT;
            String region = kind == TargetKind.ENT ? REGIONS[i % REGIONS.length] : null;
            targets.add(new Target("svc-" + i, "Service " + i, kind, region,
                    kind == TargetKind.ENT ? List.of("Académie " + (i % 30)) : List.of(), null, "vendor",
                    "hosting-" + (i % 6), "http://127.0.0.1:1", "journey", Optional.empty(), "default",
                    List.of(), Map.of()));
        }
        Site site = new Site("Vigie", "https://etat.vigie.test", Path.of("site"), List.of("fr", "en"), PARIS,
                "127.0.0.1:0", "https://vigie.test/contact");
        return new VigieConfig(site, new StorageConfig(StorageConfig.Type.EMBEDDED, Path.of("x.db"), null, null,
                Duration.ofDays(30), null, null), new Vantage("bench", "Bench"),
                new ProbingConfig("Vigie", 5, Duration.ofSeconds(5), Duration.ofSeconds(20), 1_000_000, 10,
                        Duration.ofMinutes(30), List.of()),
                Map.of(), Map.of(), List.of(), Map.of(), targets, ClassifierConfig.defaults(), AlertsConfig.none());
    }

    static StatusSnapshot snapshot(VigieConfig config, int incidents) {
        Random random = new Random(42);
        Map<String, Verdict> current = new HashMap<>();
        Map<String, List<DayStatus>> history = new HashMap<>();
        Map<String, List<LatencyPoint>> day = new HashMap<>();
        Map<String, List<LatencyPoint>> week = new HashMap<>();
        Evidence slow = new Evidence("temps de réponse médian 4,2 s, 14 fois l'habitude",
                "median response time 4.2 s, 14 times the usual");
        for (Target t : config.targets()) {
            boolean bad = random.nextInt(10) == 0;
            current.put(t.id(), new Verdict(AT.minusSeconds(30), t.id(),
                    bad ? Status.PARTIAL_OUTAGE : Status.OPERATIONAL, bad ? Cause.SATURATION : Cause.NONE,
                    bad ? Set.of(Cause.SATURATION) : Set.of(), 0.8, bad ? List.of(slow) : List.of(), null));
            List<DayStatus> days = new ArrayList<>();
            for (int d = 0; d < 90; d++) {
                boolean disrupted = random.nextInt(15) == 0;
                days.add(new DayStatus(LocalDate.of(2026, 11, 26).minusDays(90 - d),
                        disrupted ? 0.9 : 1.0, disrupted ? Status.DEGRADED_PERFORMANCE : Status.OPERATIONAL));
            }
            history.put(t.id(), days);
            day.put(t.id(), latency(random, Duration.ofMinutes(15), 96));
            week.put(t.id(), latency(random, Duration.ofHours(1), 168));
        }
        List<Incident> list = new ArrayList<>();
        for (int i = 0; i < incidents; i++) {
            String id = "bench-" + i;
            Instant opened = AT.minus(Duration.ofHours(6L * i + 1));
            List<String> targets = List.of("svc-" + (4 + i % 40), "svc-" + (5 + i % 40));
            List<IncidentEvent> events = new ArrayList<>();
            events.add(new IncidentEvent(id, 3L * i, opened, IncidentEvent.Type.OPENED, Status.MAJOR_OUTAGE,
                    Cause.SATURATION, targets, List.of(slow), null, "vigie"));
            events.add(new IncidentEvent(id, 3L * i + 1, opened.plusSeconds(600), IncidentEvent.Type.HUMAN_UPDATE,
                    null, null, List.of(), List.of(), "Nous travaillons au rétablissement.", "Cellule"));
            if (i > 0) {
                events.add(new IncidentEvent(id, 3L * i + 2, opened.plusSeconds(3600), IncidentEvent.Type.RESOLVED,
                        Status.OPERATIONAL, null, List.of(), List.of(), null, "vigie"));
            }
            list.add(Incident.fold("hosting:x", events));
        }
        return new StatusSnapshot(AT, AT.minusSeconds(20), 2, false, current, list, history, day, week);
    }

    private static List<LatencyPoint> latency(Random random, Duration step, int count) {
        List<LatencyPoint> points = new ArrayList<>();
        Instant start = AT.minus(step.multipliedBy(count));
        for (int i = 0; i < count; i++) {
            double median = 300 + random.nextInt(400);
            points.add(new LatencyPoint(start.plus(step.multipliedBy(i)), median, median * 2.2));
        }
        return points;
    }
}
