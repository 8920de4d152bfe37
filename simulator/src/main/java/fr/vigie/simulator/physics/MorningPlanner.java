package fr.vigie.simulator.physics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Draws a suite of mornings, deterministically from a seed: every morning has its ordinary rush (day-to-day
 * variation of the peak and its minute) and the background noise; its story is one of {@link #KINDS}, in shuffled
 * rounds so that any suite of at least {@code KINDS.size()} mornings holds every mechanism; a quarter of the faulty
 * mornings also get a second, unrelated fault elsewhere.
 */
final class MorningPlanner {
    /** Morning stories; healthy twice, as most mornings are. */
    static final List<String> KINDS = List.of("healthy", "healthy", "rush_overload", "mixed", "syn_flood", "path_loss",
            "disk", "deploy", "dns", "http_flood_waf", "http_flood", "slow_flood", "maintenance", "vantage");
    private static final List<String> SECOND = List.of("syn_flood", "path_loss", "disk", "deploy", "dns",
            "http_flood_waf", "maintenance");

    private final List<PhysicsTarget> fleet;
    private final Duration length;

    MorningPlanner(List<PhysicsTarget> fleet, Duration length) {
        this.fleet = fleet;
        this.length = length;
    }

    List<Morning> plan(long seed, int count) {
        Random r = new Random(Seeds.mix(seed, -1));
        List<String> kinds = new ArrayList<>();
        while (kinds.size() < count) {
            List<String> round = new ArrayList<>(KINDS);
            Collections.shuffle(round, r);
            kinds.addAll(round);
        }
        List<LocalDate> days = SchoolDays.first(count);
        List<Morning> mornings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            mornings.add(morning(i, kinds.get(i), days.get(i), new Random(Seeds.mix(seed, i))));
        }
        return mornings;
    }

    private Morning morning(int index, String kind, LocalDate day, Random r) {
        double peak = uniform(r, 0.5, 0.8);
        SchoolLoad load = new SchoolLoad(peak, 8.0 + 0.05 * r.nextGaussian());
        Map<String, Double> scale = new HashMap<>();
        for (PhysicsTarget t : fleet) {
            scale.put(t.id(), Math.min(1.1, Math.exp(0.06 * r.nextGaussian())));
        }
        Demand demand = new Demand(load, scale);
        LocalTime startLocal = switch (kind) {
            case "healthy", "rush_overload", "mixed" -> LocalTime.of(7, 36).plusSeconds(r.nextInt(6 * 60));
            case "http_flood", "slow_flood" -> LocalTime.of(9, 0).plusSeconds(r.nextInt(45 * 60));
            default -> LocalTime.of(7, 35).plusSeconds(r.nextInt(135 * 60));
        };
        Instant start = day.atTime(startLocal.withNano(0)).atZone(Demand.PARIS).toInstant();
        Instant end = start.plus(length);
        List<Mechanism> mechanisms = new ArrayList<>();
        mechanisms.add(new NetworkNoise());
        String id = "p" + (index + 1);
        switch (kind) {
            case "healthy" -> { }
            case "rush_overload" -> mechanisms.add(overload(r, demand, peak, start, end));
            case "mixed" -> {
                RushOverload rush = overload(r, demand, peak, start, end);
                mechanisms.add(rush);
                String group = (String) rush.describe().get("hosting-group");
                List<String> inGroup = probed().stream().filter(t -> t.group().equals(group)).map(PhysicsTarget::id)
                        .toList();
                Instant at = day.atTime(7, 52).atZone(Demand.PARIS).toInstant().plusSeconds(r.nextInt(8 * 60));
                mechanisms.add(attack(r, pick(r, inGroup), window(r, at, 240, 600, end)));
            }
            default -> mechanisms.add(fault(kind, r, start.plus(Duration.ofSeconds(480 + r.nextInt(480))), end));
        }
        if (!kind.equals("healthy") && !kind.equals("vantage") && r.nextDouble() < 0.25) {
            Instant at = start.plus(Duration.ofSeconds(300 + r.nextInt(600)));
            Mechanism second = fault(pick(r, SECOND), r, at, end);
            if (disjoint(second, mechanisms)) {
                mechanisms.add(second);
            }
        }
        return new Morning(index, kind, day, start, end, demand, List.copyOf(mechanisms), r.nextLong());
    }

    private RushOverload overload(Random r, Demand demand, double peak, Instant start, Instant end) {
        List<String> groups = probed().stream().map(PhysicsTarget::group).distinct().sorted().toList();
        double factor = uniform(r, 1.05, 1.5) / peak;
        return new RushOverload(pick(r, groups), round(factor), fleet, demand, start, end);
    }

    private Mechanism attack(Random r, String target, Window w) {
        return switch (r.nextInt(3)) {
            case 0 -> new SynFlood(target, w, synRate(r));
            case 1 -> new WafFlood(target, w, round(uniform(r, 0.3, 0.95)));
            default -> new HttpFlood(target, w, round(uniform(r, 0.7, 3.0)));
        };
    }

    private Mechanism fault(String kind, Random r, Instant at, Instant end) {
        String target = pick(r, probed().stream().map(PhysicsTarget::id).toList());
        return switch (kind) {
            case "syn_flood" -> new SynFlood(target, window(r, at, 180, 600, end), synRate(r));
            case "path_loss" -> {
                List<String> shared = probed().stream().map(PhysicsTarget::group).distinct()
                        .filter(g -> probed().stream().filter(t -> t.group().equals(g)).count() > 1).sorted().toList();
                String group = pick(r, shared);
                yield new PathLoss(inGroup(group), window(r, at, 240, 720, end), round(uniform(r, 0.05, 0.3)));
            }
            case "disk" -> {
                List<String> writers = probed().stream().filter(PhysicsTarget::writes).map(PhysicsTarget::id).toList();
                DiskFault.Mode mode = DiskFault.Mode.values()[r.nextInt(DiskFault.Mode.values().length)];
                yield new DiskFault(pick(r, writers), window(r, at, 240, 900, end), mode,
                        round(uniform(r, 800, 3000)));
            }
            case "deploy" -> switch (r.nextInt(3)) {
                case 0 -> new Deploy(target, window(r, at, 120, 300, end), "rolling", round(uniform(r, 0.2, 0.5)));
                case 1 -> new Deploy(target, window(r, at, 300, 900, end), "bad_release", 1.0);
                default -> new Deploy(target, window(r, at, 30, 90, end), "restart", 1.0);
            };
            case "dns" -> {
                String variant = pick(r, List.of("NXDOMAIN", "SERVFAIL", "TIMEOUT"));
                Window w = window(r, at, 300, 900, end);
                List<String> targets = r.nextDouble() < 0.3 ? inGroup(groupOf(target)) : List.of(target);
                long span = Duration.between(w.start(), w.end()).toSeconds();
                yield new DnsFailure(targets, w, variant, round(uniform(r, 0, Math.min(300, span / 2.0))));
            }
            case "http_flood_waf" -> new WafFlood(target, window(r, at, 240, 720, end), round(uniform(r, 0.3, 0.95)));
            case "http_flood" -> new HttpFlood(target, window(r, at, 180, 600, end), round(uniform(r, 0.7, 3.0)));
            case "slow_flood" -> new SlowFlood(target, new Window(at, at.plusSeconds(300 + r.nextInt(420)),
                    Duration.ofSeconds(120 + r.nextInt(180))), 5 + r.nextInt(3));
            case "maintenance" -> new Maintenance(target, window(r, at, 600, 1500, end),
                    r.nextBoolean() ? 1.0 : round(uniform(r, 0.5, 0.9)));
            case "vantage" -> new VantageOutage(fleet.stream().map(PhysicsTarget::id).toList(),
                    window(r, at, 60, 300, end), r.nextBoolean() ? "uplink_down" : "congested");
            default -> throw new IllegalStateException("no mechanism " + kind);
        };
    }

    /** A window starting at {@code at} lasting min..max s, ending 2 min before the morning's end at the latest. */
    private static Window window(Random r, Instant at, int minS, int maxS, Instant end) {
        Instant stop = at.plusSeconds(minS + r.nextInt(maxS - minS + 1));
        Instant latest = end.minusSeconds(120);
        if (stop.isAfter(latest)) {
            stop = latest.isAfter(at.plusSeconds(30)) ? latest : at.plusSeconds(30);
        }
        Duration ramp = Duration.ofSeconds(5 + r.nextInt(20));
        return new Window(at, stop, ramp);
    }

    private boolean disjoint(Mechanism m, List<Mechanism> others) {
        List<String> mine = m.segments().stream().map(Mechanism.Segment::target).toList();
        return others.stream().flatMap(o -> o.segments().stream()).noneMatch(s -> mine.contains(s.target()));
    }

    private List<PhysicsTarget> probed() {
        return fleet.stream().filter(t -> !t.control()).toList();
    }

    private List<String> inGroup(String group) {
        return probed().stream().filter(t -> t.group().equals(group)).map(PhysicsTarget::id).toList();
    }

    private String groupOf(String target) {
        return fleet.stream().filter(t -> t.id().equals(target)).findFirst().orElseThrow().group();
    }

    /** Flood rate, log-uniform 20 to 1500 SYN/s: from a backlog just overflowing (81 % of SYNs kept) to 1 %. */
    private static double synRate(Random r) {
        return round(20 * Math.exp(r.nextDouble() * Math.log(1500 / 20.0)));
    }

    private static <T> T pick(Random r, List<T> items) {
        return items.get(r.nextInt(items.size()));
    }

    private static double uniform(Random r, double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** The plan of one morning, for NN-plan.yaml. */
    static Map<String, Object> describe(Morning m) {
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("morning", m.index() + 1);
        plan.put("kind", m.kind());
        plan.put("day", m.day().toString());
        plan.put("start", m.start().toString());
        plan.put("end", m.end().toString());
        plan.put("rush-peak-rho", m.demand().load().peakRho());
        plan.put("rush-peak-hour", Math.round(m.demand().load().peakHour() * 1000) / 1000.0);
        plan.put("mechanisms", m.mechanisms().stream().map(Mechanism::describe).toList());
        return plan;
    }
}
