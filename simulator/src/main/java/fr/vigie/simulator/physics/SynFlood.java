package fr.vigie.simulator.physics;

import java.util.List;

/**
 * SYN flood: spoofed SYNs fill the target's listen backlog (net.ipv4.tcp_max_syn_backlog = 1024, SYN cookies off or
 * overwhelmed). Each half-open entry lives until its SYN-ACKs are given up (5 retries: 1+2+4+8+16+32 = 63 s), so by
 * Little's law the backlog needs rate x 63 s entries; once full, a slot frees every 63 s / 1024 and goes to whichever
 * SYN arrives then: a legitimate SYN finds room with probability 1024 / (rate x 63 s). The prober's SYNs are
 * retransmitted at 1 s, 3 s...: connect times at ~1 s and connect time-outs; established connections work normally.
 * {@code intensity} is the flood rate in SYN/s.
 */
final class SynFlood extends TargetedFault {
    static final double BACKLOG = 1024;
    static final double HALF_OPEN_LIFETIME_S = 63;

    SynFlood(String target, Window window, double synPerSecond) {
        super(List.of(target), window, "syn_flood", synPerSecond);
    }

    @Override
    public String name() {
        return "syn_flood";
    }

    @Override
    String cause() {
        return "attack";
    }

    @Override
    void apply(PhysicsTarget target, double level, Conditions c) {
        double rate = intensity * level;
        double needed = rate * HALF_OPEN_LIFETIME_S;
        c.backlogAccept *= needed <= BACKLOG ? 1 : BACKLOG / needed;
    }
}
