package fr.vigie.simulator.physics;

import java.util.List;

/**
 * A deploy on one target. {@code rolling}: instances restart one by one behind the proxy, which answers 502 "Bad
 * Gateway" for the share of requests sent to an instance not yet up ({@code intensity}); {@code bad_release}: the new
 * release throws on dynamic pages (500 with a Java stack trace) until it is rolled back; {@code restart}: a single
 * instance restarts, nothing listens for a while (connection refused), then it warms up.
 */
final class Deploy extends TargetedFault {
    Deploy(String target, Window window, String variant, double errorShare) {
        super(List.of(target), window, variant, errorShare);
    }

    @Override
    public String name() {
        return "deploy";
    }

    @Override
    String cause() {
        return "application";
    }

    @Override
    void apply(PhysicsTarget target, double level, Conditions c) {
        c.deployVariant = variant;
        c.deployErrorShare = intensity;
    }
}
