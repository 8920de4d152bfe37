package fr.vigie.app.demo;

import fr.vigie.config.Target;
import fr.vigie.config.TargetKind;
import fr.vigie.config.VigieConfig;
import fr.vigie.simulator.Capacity;
import fr.vigie.simulator.Flavour;
import fr.vigie.simulator.ServiceSpec;
import fr.vigie.simulator.scenario.Scenario;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
            if (!host.startsWith("127.") && !host.equals("localhost") && !ServiceSpec.isTestName(host)) {
                throw new IllegalArgumentException("target " + t.id() + ": the demo only simulates loopback targets"
                        + " (or names under .test), got " + t.baseUrl() + " (never run the real inventory as a demo)");
            }
            String group = t.hostingGroup() == null ? t.id() : t.hostingGroup();
            specs.add(new ServiceSpec(t.id(), flavourOf(t), host, base.getPort(), group, Capacity.standard(),
                    account.username(), account.password()));
        }
        return specs;
    }

    /** True when the scenario makes names disappear from DNS: the fleet must then be addressed by names. */
    public static boolean needsNames(Scenario scenario) {
        return scenario.events().stream().anyMatch(e -> "hosting_outage".equals(e.type()) && "dns".equals(e.variant()));
    }

    /**
     * The same configuration with every service addressed by a name under the reserved {@code .test} TLD,
     * {@code <id>.<hosting group>.vigie.test}, at its port: the simulated fleet then answers those names from its
     * own DNS server and binds them on 127.0.0.1. Control targets keep their address: they check the probing
     * site, not DNS.
     */
    public static VigieConfig namedByDns(VigieConfig config) {
        List<Target> named = config.targets().stream().map(t -> {
            if (t.kind() == TargetKind.CONTROL) {
                return t;
            }
            URI base = URI.create(t.baseUrl());
            String group = t.hostingGroup() == null ? t.id() : t.hostingGroup();
            String before = base.getHost() + ":" + base.getPort();
            String after = t.id() + "." + group + ".vigie.test:" + base.getPort();
            // journey variables may carry the address, plain or URL-encoded (a CAS service= parameter)
            Map<String, String> vars = new LinkedHashMap<>();
            t.vars().forEach((k, v) -> vars.put(k, v.replace(before, after)
                    .replace(URLEncoder.encode(before, StandardCharsets.UTF_8),
                            URLEncoder.encode(after, StandardCharsets.UTF_8))));
            return t.withBaseUrl(t.baseUrl().replace(before, after), vars);
        }).toList();
        return config.withTargets(named);
    }

    /** The simulated platform that serves the endpoints of the target's journey template. */
    static Flavour flavourOf(Target t) {
        return t.kind() == TargetKind.CONTROL ? Flavour.CONTROL : Flavour.forJourney(t.journey());
    }
}
