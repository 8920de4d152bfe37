package fr.vigie.simulator;

import fr.vigie.simulator.dns.SimulatedDns;
import fr.vigie.simulator.faults.AdminApi;
import fr.vigie.simulator.faults.Faults;
import fr.vigie.simulator.model.BackgroundLoad;
import fr.vigie.simulator.model.HostResources;
import fr.vigie.simulator.web.ServiceServer;
import fr.vigie.simulator.web.Sessions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a whole fleet on one event-loop context, so the resource model needs no locks. Named services get a DNS
 * server (started and closed on a worker thread: binding it blocks).
 */
final class FleetVerticle extends VerticleBase {
    private final List<ServiceSpec> specs;
    private final SimOptions options;
    final Map<String, ServiceServer> servers = new LinkedHashMap<>();
    final Map<String, HostResources> hosts = new LinkedHashMap<>();
    final Map<String, BackgroundLoad> loads = new LinkedHashMap<>();
    Faults faults;
    /** null when every service is addressed by a loopback literal */
    volatile SimulatedDns dns;
    int adminPort = -1;

    FleetVerticle(List<ServiceSpec> specs, SimOptions options) {
        this.specs = specs;
        this.options = options;
    }

    @Override
    public Future<?> start() {
        Map<String, String> names = new LinkedHashMap<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (ServiceSpec spec : specs) {
            if (!ids.add(spec.id())) {
                return Future.failedFuture(new IllegalArgumentException("duplicate service id " + spec.id()));
            }
            spec.name().ifPresent(n -> names.put(n, ServiceSpec.NAMED_BIND_ADDRESS));
        }
        Future<SimulatedDns> dnsStarted = names.isEmpty() ? Future.succeededFuture()
                : vertx.executeBlocking(() -> SimulatedDns.start(names));
        return dnsStarted.compose(d -> {
            dns = d;
            return startServices();
        }).onFailure(e -> closeDns());
    }

    private Future<?> startServices() {
        Sessions tickets = new Sessions();
        long seed = options.seed();
        for (ServiceSpec spec : specs) {
            HostResources host = hosts.computeIfAbsent(spec.hostingGroup(),
                    g -> new HostResources(vertx, g, spec.capacity()));
            servers.put(spec.id(), new ServiceServer(vertx, spec, host, tickets, seed++));
        }
        for (HostResources host : hosts.values()) {
            BackgroundLoad load = new BackgroundLoad(vertx, host, options.baselineLoad(), seed++);
            load.start();
            loads.put(host.group(), load);
        }
        faults = new Faults(vertx, context, servers, hosts, loads, options.groundTruth(), options.clock(), dns);
        List<Future<?>> started = new ArrayList<>();
        servers.values().forEach(s -> started.add(s.start()));
        if (options.adminPort() >= 0) {
            started.add(new AdminApi(vertx, faults, this::stats).listen(options.adminHost(), options.adminPort())
                    .onSuccess(s -> adminPort = s.actualPort()));
        }
        return Future.all(started);
    }

    @Override
    public Future<?> stop() {
        loads.values().forEach(BackgroundLoad::stop);
        List<Future<?>> stopped = new ArrayList<>();
        servers.values().forEach(s -> stopped.add(s.stop()));
        return Future.join(stopped).transform(r -> closeDns());
    }

    private Future<Void> closeDns() {
        SimulatedDns d = dns;
        if (d == null) {
            return Future.succeededFuture();
        }
        dns = null;
        return vertx.executeBlocking(() -> {
            d.close();
            return null;
        });
    }

    io.vertx.core.Context fleetContext() {
        return context;
    }

    JsonObject stats() {
        JsonObject targets = new JsonObject();
        java.util.Set<String> gone = faults.namesGone();
        servers.forEach((id, s) -> {
            JsonObject target = new JsonObject().put("requests", s.requestCount())
                    .put("listener", String.valueOf(s.mode()));
            s.spec().name().ifPresent(n -> target.put("name", n).put("nameGone", gone.contains(n)));
            targets.put(id, target);
        });
        JsonObject groups = new JsonObject();
        hosts.forEach((g, h) -> groups.put(g, new JsonObject().put("workerQueue", h.workerQueue())
                .put("workersInUse", h.workersInUse()).put("served", h.served())
                .put("offeredRate", loads.get(g).offeredRate()).put("abandoned", loads.get(g).abandoned())));
        JsonObject stats = new JsonObject().put("targets", targets).put("hosts", groups);
        SimulatedDns d = dns;
        if (d != null) {
            stats.put("dns", d.address());
        }
        return stats;
    }
}
