package fr.vigie.simulator;

import fr.vigie.simulator.dns.SimulatedDns;
import fr.vigie.simulator.faults.Faults;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Optional;

/**
 * A running fleet of simulated services on loopback. Start it, inject faults through {@link #faults()} (or the admin
 * API), read request counts, close it: closing clears every fault so the ground truth gets its end times.
 * When some services are addressed by a name under .test, the fleet also runs a {@link SimulatedDns} answering
 * those names with 127.0.0.1 ({@link #dnsAddress()}, for {@code probing.dns-servers}).
 */
public final class SimulatedFleet {
    private final Vertx vertx;
    private final FleetVerticle verticle;
    private final String deploymentId;
    private final List<ServiceSpec> specs;

    private SimulatedFleet(Vertx vertx, FleetVerticle verticle, String deploymentId, List<ServiceSpec> specs) {
        this.vertx = vertx;
        this.verticle = verticle;
        this.deploymentId = deploymentId;
        this.specs = specs;
    }

    /** Binds every service (and the admin API unless disabled); fails if a port is taken. */
    public static Future<SimulatedFleet> start(Vertx vertx, List<ServiceSpec> specs, SimOptions options) {
        List<ServiceSpec> copy = List.copyOf(specs);
        // Vert.x shares one port between servers of the same instance: two services on one port would
        // answer each other's requests in turn. Refuse instead.
        java.util.Set<String> addresses = new java.util.HashSet<>();
        for (ServiceSpec spec : copy) {
            if (!addresses.add(spec.bindHost() + ":" + spec.port())) {
                return Future.failedFuture(new IllegalArgumentException("two simulated services on "
                        + spec.bindHost() + ":" + spec.port() + " (second: " + spec.id() + ")"));
            }
        }
        FleetVerticle verticle = new FleetVerticle(copy, options);
        return vertx.deployVerticle(verticle).map(id -> new SimulatedFleet(vertx, verticle, id, copy));
    }

    public Faults faults() {
        return verticle.faults;
    }

    public List<ServiceSpec> services() {
        return specs;
    }

    /**
     * The fleet's DNS server, running when some service is addressed by a name under .test: it answers every such
     * name with 127.0.0.1 and NXDOMAIN for the names of a {@code hosting_outage} of variant {@code dns} while it
     * holds. Callers may also make it misbehave directly (delay, SERVFAIL, silence).
     */
    public Optional<SimulatedDns> dns() {
        return Optional.ofNullable(verticle.dns);
    }

    /** {@code 127.0.0.1:PORT} of {@link #dns()}, as written in {@code probing.dns-servers}; empty without names. */
    public Optional<String> dnsAddress() {
        return dns().map(SimulatedDns::address);
    }

    /** The admin API's port, or -1 when disabled. */
    public int adminPort() {
        return verticle.adminPort;
    }

    /** Requests that reached a service's HTTP layer since start. */
    public long requestCount(String targetId) {
        var server = verticle.servers.get(targetId);
        if (server == null) {
            throw new IllegalArgumentException("unknown target " + targetId);
        }
        return server.requestCount();
    }

    /** Per target request counts and listener modes, per host queue lengths and loads (as GET /stats). */
    public Future<JsonObject> stats() {
        io.vertx.core.Promise<JsonObject> p = io.vertx.core.Promise.promise();
        verticle.fleetContext().runOnContext(x -> p.complete(verticle.stats()));
        return p.future();
    }

    /**
     * Adds an ordinary rush to a host: background load along the rush curve up to {@code peak} x capacity for the
     * duration. Load only: not a fault, no ground truth.
     */
    public Future<Void> addRush(String hostingGroup, double peak, java.time.Duration duration) {
        io.vertx.core.Promise<Void> done = io.vertx.core.Promise.promise();
        verticle.fleetContext().runOnContext(x -> {
            var load = verticle.loads.get(hostingGroup);
            if (load == null) {
                done.fail(new IllegalArgumentException("no hosting group " + hostingGroup));
                return;
            }
            long startNanos = System.nanoTime();
            Runnable remove = load.addCrowd(() -> peak * fr.vigie.simulator.model.LoadCurve.rush(
                    (double) (System.nanoTime() - startNanos) / duration.toNanos()));
            vertx.setTimer(Math.max(1, duration.toMillis()), t -> remove.run());
            done.complete();
        });
        return done.future();
    }

    /** Clears every fault (writing its ground truth), then closes every port and the DNS server. */
    public Future<Void> close() {
        return faults().clearAll().transform(r -> vertx.undeploy(deploymentId));
    }
}
