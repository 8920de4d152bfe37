package fr.vigie.simulator.physics;

import java.util.List;

/**
 * A fast HTTP flood on a target with no WAF: bots send requests at {@code intensity} times the pool's capacity, with
 * a step onset (a botnet is switched on, about 20 s to full rate). The pool's queue fills: waits climb to the full
 * queue's 5 s, the front sheds (503) and probes time out; bots open a new connection per request, faster than the
 * server accepts them, so the accept queue overflows and drops SYNs too (accept share 1.5 / total load).
 */
final class HttpFlood extends TargetedFault {
    HttpFlood(String target, Window window, double timesCapacity) {
        super(List.of(target), window, "fast_no_waf", timesCapacity);
    }

    @Override
    public String name() {
        return "http_flood";
    }

    @Override
    String cause() {
        return "attack";
    }

    @Override
    void apply(PhysicsTarget target, double level, Conditions c) {
        c.floodRho += intensity * level;
        double total = c.userRho + c.floodRho;
        if (total > 1.5) {
            c.backlogAccept *= 1.5 / total;
        }
    }
}
