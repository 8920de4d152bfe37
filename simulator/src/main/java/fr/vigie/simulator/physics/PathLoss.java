package fr.vigie.simulator.physics;

import java.util.List;

/**
 * Packet loss on the route to a hosting group (a congested or faulty peering link): every target behind it loses
 * the same share of packets both ways. SYNs and SYN-ACKs are retransmitted by their timers (connect at ~1 s, ~3 s or
 * a time-out), data segments wait their RTO, and stateful boxes on a lossy path lose track of some connections and
 * reset them (taken as 30 % of the loss rate per exchange: an assumption, not a measurement).
 * {@code intensity} is the loss probability.
 */
final class PathLoss extends TargetedFault {
    PathLoss(List<String> targets, Window window, double loss) {
        super(targets, window, "path_loss", loss);
    }

    @Override
    public String name() {
        return "path_loss";
    }

    @Override
    String cause() {
        return "network";
    }

    @Override
    void apply(PhysicsTarget target, double level, Conditions c) {
        double p = intensity * level;
        c.synLoss = 1 - (1 - c.synLoss) * (1 - p);
        c.dataLoss = 1 - (1 - c.dataLoss) * (1 - p);
        c.resetChance += 0.3 * p;
    }
}
