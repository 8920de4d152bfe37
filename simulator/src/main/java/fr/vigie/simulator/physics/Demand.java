package fr.vigie.simulator.physics;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

/**
 * Ordinary users' offered load on each target's pool over one morning: the day's school curve times a per-target
 * scale (some platforms are sized tighter than others), in the site's local time.
 */
final class Demand {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private final SchoolLoad load;
    private final Map<String, Double> scale;

    Demand(SchoolLoad load, Map<String, Double> scale) {
        this.load = load;
        this.scale = Map.copyOf(scale);
    }

    static double hour(Instant t) {
        ZonedDateTime z = t.atZone(PARIS);
        return z.getHour() + z.getMinute() / 60.0 + z.getSecond() / 3600.0 + z.getNano() / 3.6e12;
    }

    double rho(PhysicsTarget target, Instant t) {
        return load.rho(hour(t)) * scale.getOrDefault(target.id(), 1.0);
    }

    SchoolLoad load() {
        return load;
    }
}
