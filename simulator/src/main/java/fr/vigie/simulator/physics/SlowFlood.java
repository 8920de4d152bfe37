package fr.vigie.simulator.physics;

import java.util.List;

/**
 * A slow HTTP flood (Slowloris / slow POST) on a target with no WAF: attack connections send their headers or body
 * a byte at a time and each holds a worker; they accumulate over the ramp (minutes) until {@code intensity} of the
 * 8 workers are held. The remaining workers serve ordinary users, so the effective load climbs smoothly outside any
 * rush: latency rises, then time-outs and 503s. Connects stay normal (the kernel still accepts).
 */
final class SlowFlood extends TargetedFault {
    SlowFlood(String target, Window window, double workersHeld) {
        super(List.of(target), window, "slow_no_waf", workersHeld);
    }

    @Override
    public String name() {
        return "slow_flood";
    }

    @Override
    String cause() {
        return "attack";
    }

    @Override
    void apply(PhysicsTarget target, double level, Conditions c) {
        c.workersHeld = Math.max(c.workersHeld, (int) Math.round(intensity * level));
    }
}
