package fr.vigie.simulator.physics;

import java.util.List;

/**
 * An HTTP flood on a target behind a WAF / anti-DDoS service. The WAF scores clients and, while the attack lasts,
 * challenges the share {@code intensity} of non-browser clients (the prober runs no JavaScript): 403 or 503 pages
 * "Attention Required! | Cloudflare", "Just a moment..." ({@code waf_challenge} signature). It filters the flood:
 * 10 % of the pool's capacity still gets through.
 */
final class WafFlood extends TargetedFault {
    WafFlood(String target, Window window, double challengeShare) {
        super(List.of(target), window, "waf", challengeShare);
    }

    @Override
    public String name() {
        return "http_flood_waf";
    }

    @Override
    String cause() {
        return "attack";
    }

    @Override
    void apply(PhysicsTarget target, double level, Conditions c) {
        c.wafChallenge = Math.max(c.wafChallenge, intensity * level);
        c.floodRho += 0.1 * level;
    }
}
