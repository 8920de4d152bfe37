package fr.vigie.simulator.physics;

import java.time.Instant;
import java.util.List;

/**
 * A declared maintenance window on a target: every result inside it carries {@code maintenance: true} (the prober
 * marks results whose scheduled time falls in a declared window); the service shows its maintenance page (503,
 * "Opération de maintenance en cours") while the work lasts, which may end before the declared end
 * ({@code intensity} is the share of the window actually worked).
 */
final class Maintenance extends TargetedFault {
    Maintenance(String target, Window window, double workedShare) {
        super(List.of(target), window, workedShare < 1 ? "early_end" : "full", workedShare);
    }

    @Override
    public String name() {
        return "maintenance";
    }

    @Override
    String cause() {
        return "maintenance";
    }

    @Override
    void apply(PhysicsTarget target, double level, Conditions c) {
        c.maintenanceDeclared = true;
    }

    @Override
    public void shapeAt(PhysicsTarget target, Instant t, Conditions c) {
        super.shapeAt(target, t, c);
        long worked = (long) (java.time.Duration.between(window.start(), window.end()).toMillis() * intensity);
        if (window.holds(t) && targets.contains(target.id()) && t.isBefore(window.start().plusMillis(worked))) {
            c.maintenancePage = true;
        }
    }
}
