package fr.vigie.app.demo;

import fr.vigie.config.Target;
import fr.vigie.config.TargetKind;
import fr.vigie.config.VigieConfig;
import fr.vigie.simulator.Capacity;
import fr.vigie.simulator.Flavour;
import fr.vigie.simulator.ServiceSpec;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the targets of a demo configuration into simulated services: one per target, at the target's own
 * base URL, imitating the platform its journey was written for. The config stays the single source of truth
 * for ports and hosting groups.
 */
public final class DemoFleet {
    private DemoFleet() {
    }

    public static List<ServiceSpec> specsFor(VigieConfig config, DemoAccount account) {
        List<ServiceSpec> specs = new ArrayList<>();
        for (Target t : config.targets()) {
            URI base = URI.create(t.baseUrl());
            String host = base.getHost();
            if (!host.startsWith("127.") && !host.equals("localhost")) {
                throw new IllegalArgumentException("target " + t.id() + ": the demo only simulates loopback targets, got "
                        + t.baseUrl() + " (never run the real inventory as a demo)");
            }
            String group = t.hostingGroup() == null ? t.id() : t.hostingGroup();
            specs.add(new ServiceSpec(t.id(), flavourOf(t), host, base.getPort(), group, Capacity.standard(),
                    account.username(), account.password()));
        }
        return specs;
    }

    /** The simulated platform that serves the endpoints of the target's journey template. */
    static Flavour flavourOf(Target t) {
        return t.kind() == TargetKind.CONTROL ? Flavour.CONTROL : Flavour.forJourney(t.journey());
    }
}
