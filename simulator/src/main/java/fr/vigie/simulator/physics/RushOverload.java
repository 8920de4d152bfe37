package fr.vigie.simulator.physics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saturation: on the first day back, or with part of a hosting group's servers lost, the morning rush asks more of
 * every pool of the group than it can serve. Demand is multiplied by {@code factor}; queues grow and, as the load
 * passes the capacity, waits approach the full queue's 5 s, probes time out and the fronts shed load (waiting
 * pages, 503). Ground truth: on each target of the group, the stretch where demand reaches 95 % of capacity or more
 * (below that an M/M/8/408 queue waits well under a second).
 */
final class RushOverload implements Mechanism {
    static final double SATURATED_RHO = 0.95;
    private final String group;
    private final double factor;
    private final List<PhysicsTarget> targets;
    private final Demand demand;
    private final Instant from;
    private final Instant to;

    RushOverload(String group, double factor, List<PhysicsTarget> fleet, Demand demand, Instant from, Instant to) {
        this.group = group;
        this.factor = factor;
        this.targets = fleet.stream().filter(t -> t.group().equals(group)).toList();
        this.demand = demand;
        this.from = from;
        this.to = to;
    }

    @Override
    public String name() {
        return "rush_overload";
    }

    @Override
    public void shape(PhysicsTarget target, Instant t, Conditions c) {
        if (target.group().equals(group)) {
            c.userRho *= factor;
        }
    }

    @Override
    public List<Segment> segments() {
        List<Segment> out = new ArrayList<>();
        for (PhysicsTarget target : targets) {
            Instant start = null;
            for (Instant t = from; t.isBefore(to); t = t.plus(Duration.ofSeconds(5))) {
                boolean over = demand.rho(target, t) * factor >= SATURATED_RHO;
                if (over && start == null) {
                    start = t;
                } else if (!over && start != null) {
                    out.add(new Segment(target.id(), "rush_overload", "saturation", start, t, "rush", factor));
                    start = null;
                }
            }
            if (start != null) {
                out.add(new Segment(target.id(), "rush_overload", "saturation", start, to, "rush", factor));
            }
        }
        return out;
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mechanism", name());
        m.put("hosting-group", group);
        m.put("demand-factor", factor);
        return m;
    }
}
