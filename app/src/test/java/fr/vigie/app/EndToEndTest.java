package fr.vigie.app;

import fr.vigie.aggregator.AggregatorListener;
import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.IncidentEvent;
import fr.vigie.aggregator.Status;
import fr.vigie.aggregator.Verdict;
import fr.vigie.app.demo.DemoAccount;
import fr.vigie.app.demo.DemoFleet;
import fr.vigie.app.system.VigieSystem;
import fr.vigie.config.ConfigLoader;
import fr.vigie.config.VigieConfig;
import fr.vigie.simulator.SimOptions;
import fr.vigie.simulator.LoopbackPorts;
import fr.vigie.simulator.SimulatedFleet;
import fr.vigie.simulator.faults.FaultRequest;
import fr.vigie.simulator.faults.FaultType;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole system, wired as {@code vigie run} wires it, against simulated services on loopback: probes log in,
 * the aggregator judges, the site is served, an injected storage fault becomes a storage incident with evidence,
 * the crisis cell's webhook receives it, and the admin API takes a human update.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndToEndTest {
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    static Path dir;

    private Vertx vertx;
    private SimulatedFleet fleet;
    private VigieSystem system;
    private HttpServer webhook;
    private final BlockingQueue<JsonObject> alerts = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<Verdict>> firstVerdict = new ConcurrentHashMap<>();
    private final CompletableFuture<Verdict> storageVerdict = new CompletableFuture<>();
    private final CompletableFuture<Incident> storageIncident = new CompletableFuture<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private VigieConfig config;
    private DemoAccount account;

    @BeforeAll
    void startEverything() throws Exception {
        vertx = Vertx.vertx();
        webhook = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
            alerts.add(new JsonObject(b.toString()));
            req.response().setStatusCode(204).end();
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

        List<Integer> ports = LoopbackPorts.free(5);
        String yaml = new String(getClass().getResourceAsStream("/e2e.yaml").readAllBytes(), StandardCharsets.UTF_8)
                .replace("@DIR@", dir.toString())
                .replace("@ENT@", String.valueOf(ports.get(0)))
                .replace("@CAS@", String.valueOf(ports.get(1)))
                .replace("@CONTROL@", String.valueOf(ports.get(2)))
                .replace("@SITE@", String.valueOf(ports.get(3)))
                .replace("@ADMIN@", String.valueOf(ports.get(4)))
                .replace("@HOOK@", String.valueOf(webhook.actualPort()));
        Path file = dir.resolve("e2e.yaml");
        Files.writeString(file, yaml);
        account = DemoAccount.generate();
        Map<String, String> env = new HashMap<>(account.environment(Map.of()));
        env.put("E2E_ADMIN_TOKEN", "admin-secret-token");
        config = new ConfigLoader(env).load(file);

        fleet = SimulatedFleet.start(vertx, DemoFleet.specsFor(config, account), SimOptions.quiet())
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        for (var t : config.targets()) {
            firstVerdict.put(t.id(), new CompletableFuture<>());
        }
        system = VigieSystem.start(vertx, config, Optional.of(dir.resolve("trace.jsonl")), Clock.systemUTC(),
                new AggregatorListener() {
                    @Override
                    public void onVerdict(Verdict v) {
                        firstVerdict.get(v.target()).complete(v);
                        if (v.target().equals("ent-test") && v.cause() == Cause.STORAGE) {
                            storageVerdict.complete(v);
                        }
                    }

                    @Override
                    public void onIncidentEvent(IncidentEvent e, Incident state) {
                        if (state.cause() == Cause.STORAGE) {
                            storageIncident.complete(state);
                        }
                    }
                });
    }

    @AfterAll
    void stopEverything() throws Exception {
        if (system != null) {
            system.close();
        }
        if (fleet != null) {
            fleet.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void healthyFleetIsOperationalThenStorageFaultBecomesAnIncidentOnThePageInAlertsAndOpenToUpdates()
            throws Exception {
        // 1. Real logged-in journeys on every flavour: each target is judged operational.
        for (var t : config.targets()) {
            Verdict v = firstVerdict.get(t.id()).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertThat(v.status()).as("first verdict of %s: %s", t.id(), v).isEqualTo(Status.OPERATIONAL);
        }
        String trace = Files.readString(dir.resolve("trace.jsonl"));
        assertThat(trace).contains("\"step\":\"post-message\"", "\"outcome\":\"ok\"")
                .doesNotContain(account.password());

        // 2. The ENT's disk fills up: writes fail, static stays fast.
        fleet.faults().inject(FaultRequest.on(FaultType.STORAGE, null, "ent-test"))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        Verdict storage = storageVerdict.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(storage.status()).isNotEqualTo(Status.OPERATIONAL);
        assertThat(storage.evidence()).isNotEmpty();
        Incident incident = storageIncident.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(incident.targets()).contains("ent-test");

        // 3. The crisis cell's webhook receives one signed notification naming the incident.
        JsonObject alert = alerts.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(alert).as("webhook notification").isNotNull();
        assertThat(alert.getJsonObject("data").getString("incident")).isEqualTo(incident.id());

        // 4. The public site shows it: Statuspage JSON and the incident page.
        JsonObject summary = awaitJson("/api/v2/summary.json",
                s -> componentStatus(s, "Ent Test").filter(st -> !st.equals("operational")).isPresent());
        assertThat(summary.getJsonObject("status").getString("indicator")).isNotEqualTo("none");
        HttpResponse<String> page = get("/incidents/" + incident.id() + "/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Ent Test");

        // 5. The admin API refuses strangers and takes the crisis cell's update.
        int admin = system.adminPort().orElseThrow();
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin
                        + "/api/incidents/" + incident.id() + "/updates"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        HttpResponse<String> update = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin
                        + "/api/incidents/" + incident.id() + "/updates"))
                .header("Authorization", "Bearer admin-secret-token")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("author", "Cellule de crise")
                        .put("message", "Le disque est remplacé <b>ce matin</b>.").encode()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(update.statusCode()).as(update.body()).isEqualTo(201);
        HttpResponse<String> incidents = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin
                        + "/api/incidents")).header("Authorization", "Bearer admin-secret-token").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(incidents.body()).contains(incident.id(), "\"cause\":\"storage\"");
        String incidentPage = awaitPage("/incidents/" + incident.id() + "/", "Le disque est remplacé");
        assertThat(incidentPage).contains("&lt;b&gt;ce matin&lt;/b&gt;").doesNotContain("<b>ce matin</b>");
    }

    private static Optional<String> componentStatus(JsonObject summary, String name) {
        JsonArray components = summary.getJsonArray("components");
        for (int i = 0; i < components.size(); i++) {
            JsonObject c = components.getJsonObject(i);
            if (name.equals(c.getString("name"))) {
                return Optional.ofNullable(c.getString("status"));
            }
        }
        return Optional.empty();
    }

    private JsonObject awaitJson(String path, java.util.function.Predicate<JsonObject> until) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        JsonObject last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = get(path);
            if (r.statusCode() == 200) {
                last = new JsonObject(r.body());
                if (until.test(last)) {
                    return last;
                }
            }
            waitForNextRegeneration();
        }
        throw new AssertionError("site never satisfied the condition on " + path + "; last: " + last);
    }

    private String awaitPage(String path, String text) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = get(path);
            last = r.body();
            if (r.statusCode() == 200 && last.contains(text)) {
                return last;
            }
            waitForNextRegeneration();
        }
        throw new AssertionError("page " + path + " never showed '" + text + "'; last: " + last);
    }

    /** Regeneration is asynchronous (own thread, coalesced): poll the served site at a modest pace. */
    private static void waitForNextRegeneration() throws InterruptedException {
        new CompletableFuture<Void>().completeOnTimeout(null, 200, TimeUnit.MILLISECONDS).join();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + system.sitePort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

}
