package fr.vigie.simulator.physics;

import java.util.List;

/**
 * Vigie's own network fails: {@code uplink_down} (the vantage's link or first router is down: every packet lost,
 * every target, control included, times out at once) or {@code congested} (the vantage's uplink is saturated: 40 %
 * loss both ways on every path). Ground truth: a {@code vantage} segment on every target.
 */
final class VantageOutage extends TargetedFault {
    VantageOutage(List<String> everyTarget, Window window, String variant) {
        super(everyTarget, window, variant, variant.equals("uplink_down") ? 1.0 : 0.4);
    }

    @Override
    public String name() {
        return "vantage";
    }

    @Override
    String cause() {
        return "vantage";
    }

    @Override
    void apply(PhysicsTarget target, double level, Conditions c) {
        if (variant.equals("uplink_down")) {
            c.uplinkDown = true;
        } else {
            c.synLoss = 1 - (1 - c.synLoss) * (1 - intensity);
            c.dataLoss = 1 - (1 - c.dataLoss) * (1 - intensity);
        }
    }
}
