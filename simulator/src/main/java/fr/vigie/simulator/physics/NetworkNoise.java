package fr.vigie.simulator.physics;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a healthy Internet does to a healthy service now and then, on every morning: background loss (0.1 %, in
 * {@link Conditions}) gives the odd ~1 s connect; besides, a NAT or load balancer drops a connection's state and
 * resets it (8 in 100 000 exchanges), and a connection stalls past the step time-out (2 in 100 000: a lost route
 * for a few seconds, a server pause). Not a fault: no ground truth.
 */
final class NetworkNoise implements Mechanism {
    static final double RESET = 8e-5;
    static final double STALL = 2e-5;

    @Override
    public String name() {
        return "noise";
    }

    @Override
    public void shape(PhysicsTarget target, Instant t, Conditions c) {
        c.resetChance += RESET;
        c.stallChance += STALL;
    }

    @Override
    public List<Segment> segments() {
        return List.of();
    }

    @Override
    public Map<String, Object> describe() {
        return Map.of("mechanism", name(), "reset-per-step", RESET, "stall-per-step", STALL);
    }
}
