package fr.vigie.simulator.fast;

import fr.vigie.simulator.Flavour;
import fr.vigie.simulator.scenario.Scenario;
import fr.vigie.simulator.scenario.ScenarioEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates the scenario suite from a seed: 20-minute mornings with randomised timing, intensity, targets and
 * combinations of faults; every fifth scenario is a healthy day with only an ordinary rush, and half the fault
 * days also carry an ordinary rush (peak 0.45-0.75 x capacity over the 20 % baseline: busy, never saturated;
 * false-alarm bait). Same seed, same suite.
 */
public final class SuiteGenerator {
    /** Simulated length of each scenario, seconds. */
    public static final double LENGTH = 1200;
    private static final List<String> FAULTS =
            List.of("flash_crowd", "attack", "storage", "hosting_outage", "application", "maintenance");

    private final List<FastTarget> fleet;
    private final List<String> groups;
    private final List<String> entGroups;
    private final List<String> probed;

    public SuiteGenerator(List<FastTarget> fleet) {
        this.fleet = List.copyOf(fleet);
        this.groups = fleet.stream().filter(t -> t.flavour() != Flavour.CONTROL).map(FastTarget::hostingGroup)
                .distinct().toList();
        this.entGroups = fleet.stream().filter(t -> t.flavour() == Flavour.OPEN_ENT_NG || t.flavour() == Flavour.CAS)
                .map(FastTarget::hostingGroup).distinct().toList();
        this.probed = fleet.stream().filter(t -> t.flavour() != Flavour.CONTROL).map(FastTarget::id).toList();
        if (entGroups.isEmpty()) {
            throw new IllegalArgumentException("the fleet has no ENT to load");
        }
    }

    public List<Scenario> generate(long seed, int count) {
        List<Scenario> suite = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Random random = new Random(seed * 1_000_003L + i);
            List<ScenarioEvent> events = new ArrayList<>();
            String label;
            if (i % 5 == 4) {
                label = "healthy";
                events.add(rush(random));
            } else {
                int faults = i % 5 == 3 ? 2 + random.nextInt(2) : 1;
                for (int f = 0; f < faults; f++) {
                    events.add(fault(random, FAULTS.get(random.nextInt(FAULTS.size()))));
                }
                if (random.nextBoolean()) {
                    events.add(rush(random));
                }
                label = faults == 1 ? events.get(0).type() : "combined";
            }
            suite.add(new Scenario(String.format("suite-%02d-%s", i + 1, label),
                    "generated with seed " + seed, LENGTH, events));
        }
        return suite;
    }

    private ScenarioEvent rush(Random r) {
        double at = round(uniform(r, 60, 300));
        double duration = round(uniform(r, 300, 600));
        return new ScenarioEvent(at, duration, ScenarioEvent.RUSH, List.of(), pick(r, entGroups),
                round(uniform(r, 0.45, 0.75)), null, null, null);
    }

    private ScenarioEvent fault(Random r, String type) {
        double at = round(uniform(r, 120, 600));
        double duration = round(Math.min(uniform(r, 120, 480), LENGTH - at - 30));
        return switch (type) {
            case "flash_crowd" -> new ScenarioEvent(at, duration, type, List.of(), pick(r, entGroups),
                    round(uniform(r, 1.5, 4.0)), null, null, null);
            case "attack" -> {
                boolean pulsed = r.nextBoolean();
                yield new ScenarioEvent(at, duration, type, List.of(pick(r, probed)), null,
                        round(uniform(r, 0.6, 1.0)), pick(r, List.of("mixed", "flood", "reset", "challenge", "slow")),
                        pulsed ? round(uniform(r, 20, 60)) : null, pulsed ? round(uniform(r, 10, 40)) : null);
            }
            case "storage" -> new ScenarioEvent(at, duration, type, List.of(pick(r, probed)), null,
                    round(uniform(r, 0.2, 1.0)), pick(r, List.of("disk_full", "io_error")), null, null);
            case "hosting_outage" -> new ScenarioEvent(at, duration, type, List.of(), pick(r, groups), null,
                    pick(r, List.of("refused", "timeout")), null, null);
            case "application" -> new ScenarioEvent(at, duration, type, List.of(pick(r, probed)), null, null,
                    pick(r, List.of("broken_form", "error_500")), null, null);
            default -> new ScenarioEvent(at, duration, "maintenance", List.of(pick(r, probed)), null, null, null,
                    null, null);
        };
    }

    private static <T> T pick(Random r, List<T> list) {
        return list.get(r.nextInt(list.size()));
    }

    private static double uniform(Random r, double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    List<FastTarget> fleet() {
        return fleet;
    }
}
