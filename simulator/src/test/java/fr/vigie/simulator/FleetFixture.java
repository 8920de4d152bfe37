package fr.vigie.simulator;

import io.vertx.core.Vertx;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts a real fleet on free loopback ports for a test and closes it. */
final class FleetFixture implements AutoCloseable {
    static final String USER = "eleve.demo";
    static final String PASSWORD = "s3cret-demo";

    final Vertx vertx = Vertx.vertx();
    final SimulatedFleet fleet;

    FleetFixture(List<ServiceSpec> specs, SimOptions options) throws Exception {
        fleet = SimulatedFleet.start(vertx, specs, options).toCompletionStage().toCompletableFuture()
                .get(20, TimeUnit.SECONDS);
    }

    static ServiceSpec spec(String id, Flavour flavour, String group, Capacity capacity) throws IOException {
        return new ServiceSpec(id, flavour, "127.0.0.1", freePort(), group, capacity, USER, PASSWORD);
    }

    static List<ServiceSpec> oneOfEach() throws IOException {
        List<ServiceSpec> specs = new ArrayList<>();
        specs.add(spec("ent-a", Flavour.OPEN_ENT_NG, "host-a", Capacity.standard()));
        specs.add(spec("ent-cas", Flavour.CAS, "host-b", Capacity.standard()));
        specs.add(spec("cned", Flavour.CNED, "host-c", Capacity.standard()));
        specs.add(spec("educonnect", Flavour.EDUCONNECT, "host-d", Capacity.standard()));
        specs.add(spec("control", Flavour.CONTROL, "host-e", Capacity.standard()));
        return specs;
    }

    /** A free loopback port never handed out before in this JVM (the kernel may give a closed port again). */
    static synchronized int freePort() {
        while (true) {
            int port = LoopbackPorts.free(1).get(0);
            if (HANDED.add(port)) {
                return port;
            }
        }
    }

    private static final java.util.Set<Integer> HANDED = new java.util.HashSet<>();

    ServiceSpec service(String id) {
        return fleet.services().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    String url(String id, String path) {
        return service(id).baseUrl() + path;
    }

    <T> T await(io.vertx.core.Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    /** Sends a bodiless request with any method and returns the status. */
    int http(Browser b, String method, String url) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(url)).method(method, java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Override
    public void close() throws Exception {
        await(fleet.close());
        await(vertx.close());
    }
}
