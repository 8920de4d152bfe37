package fr.vigie.app;

import fr.vigie.aggregator.AggregatorListener;
import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.IncidentEvent;
import fr.vigie.aggregator.Status;
import fr.vigie.aggregator.Verdict;
import fr.vigie.app.demo.DemoAccount;
import fr.vigie.app.system.VigieSystem;
import fr.vigie.config.ConfigLoader;
import fr.vigie.config.VigieConfig;
import fr.vigie.simulator.LoopbackPorts;
import fr.vigie.simulator.ServiceSpec;
import fr.vigie.simulator.SimOptions;
import fr.vigie.simulator.SimulatedFleet;
import fr.vigie.simulator.faults.FaultRequest;
import fr.vigie.simulator.faults.FaultType;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One of two control targets fails for many rounds, end to end (simulated fleet on loopback, probes, the real
 * aggregator, site, alerts and a webhook receiver standing in for the crisis cell): no incident anywhere, nothing
 * on the public site, JSON or feeds, no alert to the crisis cell, and the service alerts are not held back meanwhile
 * (a storage fault on an ENT is told at once). The operator sees it on {@code /readyz} (and in the log).
 */
class ControlTargetFailureEndToEndTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int MANY_ROUNDS = 10;

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aFailingControlTargetOpensNoIncidentAlertsNobodyAndHoldsBackNoServiceAlert() throws Exception {
        Vertx vertx = Vertx.vertx();
        DemoAccount account = DemoAccount.generate();
        BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
        List<JsonObject> allAlerts = new CopyOnWriteArrayList<>();
        HttpServer webhook = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
            JsonObject alert = new JsonObject(b.toString());
            allAlerts.add(alert);
            received.add(alert);
            req.response().setStatusCode(204).end();
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        List<Integer> ports = LoopbackPorts.free(6);
        String entA = "http://127.0.0.1:" + ports.get(0);
        String entB = "http://127.0.0.1:" + ports.get(1);
        String control1 = "http://127.0.0.1:" + ports.get(2);
        String control2 = "http://127.0.0.1:" + ports.get(3);
        List<ServiceSpec> specs = List.of(
                ServiceSpec.forTarget("ent-a", "open-ent-ng-write", entA, "host-a", account.username(),
                        account.password()),
                ServiceSpec.forTarget("ent-b", "open-ent-ng", entB, "host-b", account.username(), account.password()),
                ServiceSpec.forTarget("control-1", "control", control1, "control-1", "", ""),
                ServiceSpec.forTarget("control-2", "control", control2, "control-2", "", ""));
        SimulatedFleet fleet = null;
        VigieSystem system = null;
        try {
            fleet = SimulatedFleet.start(vertx, specs, SimOptions.quiet())
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            Path file = dir.resolve("control-e2e.yaml");
            Files.writeString(file, """
                    site: {output: %1$s/site, listen: "127.0.0.1:%2$d", languages: [fr, en],
                           base-url: "http://127.0.0.1:%2$d"}
                    storage: {type: embedded, path: %1$s/vigie.db}
                    vantage: {id: test, label: Test}
                    probing: {user-agent: Vigie/test, max-requests-per-second: 100, connect-timeout: 2s,
                              step-timeout: 5s}
                    schedules: {fast: {every: 1s}}
                    classifier: {open-after-rounds: 2, close-after-rounds: 3, window: 2m, slow-factor: 3.0}
                    targets:
                      - {id: ent-a, name: Ent A, kind: ent, hosting-group: host-a, base-url: "%3$s",
                         journey: open-ent-ng-write, schedule: fast,
                         credentials: {username: "${VIGIE_DEMO_USERNAME}", password: "${VIGIE_DEMO_PASSWORD}"}}
                      - {id: ent-b, name: Ent B, kind: ent, hosting-group: host-b, base-url: "%4$s",
                         journey: open-ent-ng, schedule: fast,
                         credentials: {username: "${VIGIE_DEMO_USERNAME}", password: "${VIGIE_DEMO_PASSWORD}"}}
                      - {id: control-1, name: Témoin Un, kind: control, base-url: "%5$s", journey: control,
                         schedule: fast}
                      - {id: control-2, name: Témoin Deux, kind: control, base-url: "%6$s", journey: control,
                         schedule: fast}
                    alerts:
                      receivers:
                        cellule: {type: webhook, url: "http://127.0.0.1:%7$d/hook",
                                  secret: whsec_ZGVtby1zZWNyZXQtZGVtby1zZWNyZXQ=}
                      default-receivers: [cellule]
                      group-wait: 1s
                      repeat-interval: 30m
                      admin: {listen: "127.0.0.1:%8$d", token: "${E2E_ADMIN_TOKEN}"}
                    """.formatted(dir, ports.get(4), entA, entB, control1, control2, webhook.actualPort(),
                    ports.get(5)));
            VigieConfig config = new ConfigLoader(account.environment(Map.of("E2E_ADMIN_TOKEN", "admin-test-token")))
                    .load(file);

            Map<String, CompletableFuture<Verdict>> firstVerdict = new ConcurrentHashMap<>();
            config.targets().forEach(t -> firstVerdict.put(t.id(), new CompletableFuture<>()));
            CompletableFuture<Verdict> controlFails = new CompletableFuture<>();
            List<Incident> incidents = new CopyOnWriteArrayList<>();
            system = VigieSystem.start(vertx, config, Optional.of(dir.resolve("trace.jsonl")), Clock.systemUTC(),
                    new AggregatorListener() {
                        @Override
                        public void onVerdict(Verdict v) {
                            firstVerdict.get(v.target()).complete(v);
                            if (v.target().equals("control-1") && v.cause() != Cause.NONE) {
                                controlFails.complete(v);
                            }
                        }

                        @Override
                        public void onIncidentEvent(IncidentEvent e, Incident state) {
                            incidents.add(state);
                        }
                    });
            systemPort = system.sitePort();
            for (var t : config.targets()) {
                Verdict v = firstVerdict.get(t.id()).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                assertThat(v.status()).as("first verdict of %s: %s", t.id(), v).isEqualTo(Status.OPERATIONAL);
            }

            // 1. The first control target stops answering (connection refused) and stays down for many rounds.
            fleet.faults().inject(FaultRequest.on(FaultType.HOSTING_OUTAGE, null, "control-1"))
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            Verdict failing = controlFails.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertThat(failing.cause()).as("the classifier still sees it: %s", failing).isEqualTo(Cause.VANTAGE);
            assertThat(failing.incident()).as("but it joins no incident").isNull();
            awaitFailedRounds("control-1", MANY_ROUNDS);

            // 2. The operator's signal: /readyz names the failing control (Vigie stays ready: services are probed).
            JsonObject ready = readyz(system.adminPort().orElseThrow());
            assertThat(ready.getString("status")).isEqualTo("ready");
            assertThat(ready.getJsonArray("control_targets_failing")).containsExactly("control-1");
            assertThat(ready.getJsonArray("warnings").encode()).contains("control target control-1 fails");

            // 3. Meanwhile a real service fault is told to the crisis cell at once: nothing holds it back.
            fleet.faults().inject(FaultRequest.on(FaultType.STORAGE, null, "ent-a"))
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            JsonObject opened = awaitAlert(received, a -> "incident.opened".equals(a.getString("type")));
            JsonObject data = opened.getJsonObject("data");
            assertThat(data.getString("scope")).isEqualTo("hosting:host-a");
            assertThat(data.getJsonArray("services").encode()).contains("ent-a").doesNotContain("control");
            assertThat(fleet.faults().active()).as("the control is still down").hasSize(2);

            // 4. The crisis cell got nothing about the control: no internal alert, no vantage, no control named.
            assertThat(allAlerts).isNotEmpty().allSatisfy(a -> {
                assertThat(a.getString("type")).isNotEqualTo("vigie.internal");
                assertThat(a.getJsonObject("data").getString("scope")).isNotIn("vantage", "internal");
                assertThat(a.encode()).doesNotContain("control-1", "Témoin");
            });
            // ...and no incident anywhere names it, public or not.
            assertThat(incidents).isNotEmpty().allSatisfy(i -> {
                assertThat(i.targets()).doesNotContain("control-1", "control-2");
                assertThat(i.scope()).isNotEqualTo("vantage");
            });
            assertThat(system.aggregator().incidents()).extracting(Incident::id)
                    .containsExactly(data.getString("incident"));

            // 5. The public site, once it shows the storage incident (so it was rendered after the control failed):
            //    that incident only, no control among the components, nothing of it in the feeds.
            String incidentId = data.getString("incident");
            JsonObject list = awaitJson("/api/v2/incidents.json", j -> j.getJsonArray("incidents").encode()
                    .contains(incidentId));
            JsonArray published = list.getJsonArray("incidents");
            assertThat(published).hasSize(1);
            assertThat(published.encode()).doesNotContain("control-1", "Témoin", "sonde");
            JsonObject components = json(get("/api/v2/components.json"));
            assertThat(components.getJsonArray("components").encode()).contains("Ent A", "Ent B")
                    .doesNotContain("Témoin");
            for (String feed : List.of("/history.atom", "/history.rss", "/cap.atom", "/")) {
                HttpResponse<String> r = get(feed);
                assertThat(r.statusCode()).as(feed).isEqualTo(200);
                assertThat(r.body()).as(feed).doesNotContain("Témoin Un", "control-1");
            }
            assertThat(get("/history.atom").body()).contains(incidentId);
        } finally {
            if (system != null) {
                system.close();
            }
            if (fleet != null) {
                fleet.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            }
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    /** Waits until the trace holds {@code n} failed rounds of the target (each control round is one step). */
    private void awaitFailedRounds(String target, int n) throws Exception {
        Path trace = dir.resolve("trace.jsonl");
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        long failed = 0;
        while (System.nanoTime() < deadline) {
            failed = Files.readAllLines(trace).stream()
                    .filter(l -> l.contains("\"target\":\"" + target + "\"") && !l.contains("\"outcome\":\"ok\""))
                    .count();
            if (failed >= n) {
                return;
            }
            pause();
        }
        throw new AssertionError(target + ": only " + failed + " failed rounds in the trace");
    }

    private static JsonObject awaitAlert(BlockingQueue<JsonObject> received, Predicate<JsonObject> which)
            throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject a = received.poll(1, TimeUnit.SECONDS);
            if (a != null && which.test(a)) {
                return a;
            }
        }
        throw new AssertionError("no such alert within " + PATIENCE);
    }

    private JsonObject readyz(int adminPort) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort
                + "/readyz")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new JsonObject(r.body());
    }

    private JsonObject awaitJson(String path, Predicate<JsonObject> until) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        JsonObject last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = get(path);
            if (r.statusCode() == 200) {
                last = json(r);
                if (until.test(last)) {
                    return last;
                }
            }
            pause();
        }
        throw new AssertionError("site never satisfied the condition on " + path + "; last: " + last);
    }

    private static JsonObject json(HttpResponse<String> r) {
        assertThat(r.statusCode()).isEqualTo(200);
        return new JsonObject(r.body());
    }

    /** Polling pace for files and pages written asynchronously (the condition is checked, not the time). */
    private static void pause() {
        new CompletableFuture<Void>().completeOnTimeout(null, 200, TimeUnit.MILLISECONDS).join();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + systemPort + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private int systemPort;
}
