package fr.vigie.app.cluster;

import fr.vigie.app.demo.DemoAccount;
import fr.vigie.app.demo.DemoFleet;
import fr.vigie.config.ConfigLoader;
import fr.vigie.config.VigieConfig;
import fr.vigie.simulator.LoopbackPorts;
import fr.vigie.simulator.SimOptions;
import fr.vigie.simulator.SimulatedFleet;
import fr.vigie.simulator.faults.FaultRequest;
import fr.vigie.simulator.faults.FaultType;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cluster for real: three probe nodes and two controllers, each its own JVM, joined over loopback, against the
 * simulated fleet in this JVM. A failure one vantage alone sees is not published; a vantage whose network to its
 * control target is cut leaves the vote and rejoins when it is restored; a storage fault every vantage
 * sees is, and alerted; a second incident's alert is pending (the crisis cell's webhook answers 503) when the leader
 * is killed with -9: the other controller takes over (within the failure detector's time, a generous bound), delivers every alert exactly once (counted by
 * notification id at the webhook: the first one, already delivered, is not sent again) and keeps the site current.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterEndToEndTest {
    private static final Duration START = Duration.ofSeconds(150);
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Duration ROUND = Duration.ofSeconds(2);
    private static final Pattern LEADER = Pattern.compile("leader: this controller \\(node \\S+\\) leads since (\\d+)");

    /** shared by both tests; static so that JUnit deletes it once, after {@link #stopEverything()} */
    @TempDir
    static Path dir;

    private final Vertx vertx = Vertx.vertx();
    private final List<NodeProcess> nodes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** deliveries the webhook accepted, by notification id */
    private final Map<String, AtomicInteger> delivered = new ConcurrentHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicBoolean accepting = new AtomicBoolean();
    private SimulatedFleet fleet;

    @Test
    void threeVantagesTwoControllersConfirmByQuorumAndSurviveTheLeadersDeath() throws Exception {
        HttpServer webhook = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
            if (!accepting.get()) {
                refused.incrementAndGet();
                req.response().setStatusCode(503).end(); // the crisis cell's receiver is down: alerts pile up
                return;
            }
            delivered.computeIfAbsent(req.getHeader("webhook-id"), id -> new AtomicInteger()).incrementAndGet();
            req.response().setStatusCode(204).end();
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

        // Vantage v3 reaches the control target through its own path, which the test cuts and restores.
        AtomicBoolean v3NetworkUp = new AtomicBoolean(true);
        HttpServer v3Control = vertx.createHttpServer().requestHandler(req -> {
            if (v3NetworkUp.get()) {
                req.response().setStatusCode(200).end("Vigie control");
            } else {
                req.response().setStatusCode(503).end("gateway unreachable");
            }
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

        List<Integer> ports = LoopbackPorts.free(11);
        int ent = ports.get(0);
        int solo = ports.get(1);
        int control = ports.get(2);
        int refusedPort = ports.get(3); // nothing listens: vantage v3's broken path to ent-solo
        List<Integer> sites = ports.subList(4, 6);
        List<Integer> members = ports.subList(6, 11);
        String membersYaml = members.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(", "));

        DemoAccount account = DemoAccount.generate();
        Map<String, String> env = new HashMap<>(account.environment(Map.of()));
        List<Path> configs = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            configs.add(write("controller-" + c, config("controller-" + c, ent, solo, control, sites.get(c),
                    membersYaml, webhook.actualPort())));
        }
        for (int v = 1; v <= 3; v++) {
            configs.add(write("probe-v" + v, config("probe-v" + v, ent, v == 3 ? refusedPort : solo,
                    v == 3 ? v3Control.actualPort() : control, sites.get(0), membersYaml, webhook.actualPort())));
        }
        VigieConfig controllerConfig = new ConfigLoader(env).load(configs.get(0));
        fleet = SimulatedFleet.start(vertx, DemoFleet.specsFor(controllerConfig, account), SimOptions.quiet())
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

        // All five at once: the cluster forms as they come.
        for (int c = 0; c < 2; c++) {
            nodes.add(NodeProcess.start("controller-" + c, dir, env, "run", "--config", configs.get(c).toString(),
                    "--role", "controller", "--cluster-listen", "127.0.0.1:" + members.get(c)));
        }
        for (int v = 1; v <= 3; v++) {
            nodes.add(NodeProcess.start("probe-v" + v, dir, env, "run", "--config", configs.get(1 + v).toString(),
                    "--role", "probe", "--vantage", "v" + v, "--cluster-listen", "127.0.0.1:" + members.get(1 + v)));
        }
        for (NodeProcess n : nodes) {
            n.await(n.name.startsWith("probe") ? "probing \\d+ targets from vantage" : "Vigie controller running",
                    START);
        }
        int leaderIndex = awaitLeader(nodes.subList(0, 2), START);
        NodeProcess leader = nodes.get(leaderIndex);
        NodeProcess follower = nodes.get(1 - leaderIndex);
        int leaderSite = sites.get(leaderIndex);
        int followerSite = sites.get(1 - leaderIndex);

        // Every vantage counts, and what v3 alone sees of ent-solo is detail, not status.
        JsonObject report = awaitFile(dir.resolve("controller-" + leaderIndex).resolve("vantages.json"),
                r -> r.getInteger("healthy") == 3 && dissentOf(r, "ent-solo", "v3"), PATIENCE);
        assertThat(report.getBoolean("partial_confidence")).isFalse();
        awaitSummary(leaderSite, s -> "operational".equals(status(s, "Ent Test").orElse(""))
                && "operational".equals(status(s, "Ent Solo").orElse("")), PATIENCE);

        // v3's network is cut: its canary fails, it leaves the vote and the report says why; restored, it rejoins.
        Path leaderReport = dir.resolve("controller-" + leaderIndex).resolve("vantages.json");
        v3NetworkUp.set(false);
        JsonObject cut = awaitFile(leaderReport, r -> r.getInteger("healthy") == 2, PATIENCE);
        assertThat(vantage(cut, "v3").getBoolean("healthy")).isFalse();
        assertThat(vantage(cut, "v3").getString("reason")).contains("cibles de contrôle en échec");
        assertThat(cut.getBoolean("partial_confidence")).isFalse(); // 2 healthy left, quorum 2
        assertThat(status(summary(leaderSite), "Ent Test")).contains("operational"); // no public outage
        // the public "about the measurements" page shows v3 left out, and why
        String about = awaitPage(leaderSite, "/a-propos/", "data-vantage=\"v3\" data-healthy=\"false\"", PATIENCE);
        assertThat(about).contains("2 point(s) de mesure sur 3 retenu(s)", "cibles de contrôle en échec");
        v3NetworkUp.set(true);
        awaitFile(leaderReport, r -> r.getInteger("healthy") == 3, PATIENCE);

        // A storage fault every vantage sees is confirmed by 2 of 3 and published within two rounds; the leader
        // tells the crisis cell.
        accepting.set(true);
        long injected = System.nanoTime();
        inject("ent-test");
        awaitSummary(leaderSite, s -> !"operational".equals(status(s, "Ent Test").orElse("operational")), PATIENCE);
        Duration toPublish = Duration.ofNanos(System.nanoTime() - injected);
        System.out.printf("cluster: fault injected -> published by the leader in %d ms%n", toPublish.toMillis());
        // two rounds, the vote's wait for a late vantage (heartbeat-timeout) and the site's regeneration
        assertThat(toPublish).isLessThan(ROUND.multipliedBy(2).plusSeconds(4).plusSeconds(10));
        awaitTrue(() -> !delivered.isEmpty(), PATIENCE, "the leader alerted the crisis cell");
        Set<String> beforeKill = Set.copyOf(delivered.keySet());

        // Then the crisis cell's receiver goes down and a second incident's alert stays pending; the follower holds
        // every notification too, the one the leader already delivered included. Then the leader dies.
        accepting.set(false);
        inject("ent-solo");
        awaitTrue(() -> refused.get() > 0, PATIENCE, "the leader tried the webhook with the second alert");
        Path followerOutbox = dir.resolve("controller-" + (1 - leaderIndex)).resolve("alerts-outbox.db");
        awaitTrue(() -> ids(followerOutbox, "PENDING").size() > beforeKill.size()
                        && ids(followerOutbox, "PENDING").containsAll(beforeKill), PATIENCE,
                "the follower holds both alerts");
        long killedAt = System.currentTimeMillis();
        leader.kill();
        accepting.set(true);

        long tookOverAt = Long.parseLong(follower.await(LEADER.pattern(), Duration.ofSeconds(90)));
        Duration takeover = Duration.ofMillis(tookOverAt - killedAt);
        System.out.printf("cluster: leader killed -> other controller leads in %d ms%n", takeover.toMillis());
        // The takeover is the failure detector's time: Hazelcast declares the silent leader dead after
        // MAX_NO_HEARTBEAT_SECONDS (5 s; its default is 60 s), frees its lock, and the follower, asking every second,
        // takes it. A loaded machine (CI: 2 cores, load up to 20, five JVMs here) adds scheduling delay on top, which
        // says nothing of the product: hence a generous bound, six times the detection time, still half Hazelcast's
        // default, so that a takeover left to the default detector fails here (it was measured well under 15 s quiet).
        assertThat(takeover).isLessThan(Duration.ofSeconds(6L * ClusterNode.MAX_NO_HEARTBEAT_SECONDS));

        // Every notification delivered exactly once, none lost: the new leader's outbox drains, skipping what the
        // old leader had delivered (the claims map), sending the rest.
        awaitTrue(() -> ids(followerOutbox, "PENDING").isEmpty(), PATIENCE, "the new leader emptied its outbox");
        Set<String> inOutbox = ids(followerOutbox, "DELIVERED");
        assertThat(inOutbox).containsAll(beforeKill).hasSizeGreaterThan(beforeKill.size());
        assertThat(delivered.keySet()).containsExactlyInAnyOrderElementsOf(inOutbox);
        assertThat(delivered.values()).allMatch(n -> n.get() == 1);

        // The new leader renders: its site, rendered healthy at start, now shows both incidents.
        awaitSummary(followerSite, s -> !"operational".equals(status(s, "Ent Test").orElse("operational"))
                && !"operational".equals(status(s, "Ent Solo").orElse("operational")), PATIENCE);
    }

    private void inject(String target) throws Exception {
        fleet.faults().inject(FaultRequest.on(FaultType.STORAGE, null, target))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aSecondNodeWithATakenVantageNameOrAnotherClusterNameIsRefused() throws Exception {
        List<Integer> ports = LoopbackPorts.free(4);
        String membersYaml = "127.0.0.1:" + ports.get(0) + ", 127.0.0.1:" + ports.get(1) + ", 127.0.0.1:"
                + ports.get(2);
        Path config = write("refusal", config("refusal", ports.get(3), ports.get(3), ports.get(3), ports.get(3),
                membersYaml, ports.get(3)));
        Path other = write("other", Files.readString(config).replace("name: vigie-test", "name: vigie-other"));
        Map<String, String> env = DemoAccount.generate().environment(Map.of());
        NodeProcess first = NodeProcess.start("first", dir, env, "run", "--config", config.toString(), "--role",
                "probe", "--vantage", "paris-1", "--cluster-listen", "127.0.0.1:" + ports.get(0));
        nodes.add(first);
        first.await("probing \\d+ targets from vantage", START);

        NodeProcess twin = NodeProcess.start("twin", dir, env, "run", "--config", config.toString(), "--role",
                "probe", "--vantage", "paris-1", "--cluster-listen", "127.0.0.1:" + ports.get(1));
        nodes.add(twin);
        NodeProcess nameless = NodeProcess.start("nameless", dir, env, "run", "--config", config.toString(),
                "--role", "probe");
        nodes.add(nameless);

        int namelessExit = nameless.exitStatus(START);
        assertThat(namelessExit).as(nameless.tail()).isEqualTo(2);
        assertThat(nameless.find(Pattern.compile("needs its vantage name: --role probe --vantage NAME")))
                .as(nameless.tail()).isPresent();
        int twinExit = twin.exitStatus(START);
        assertThat(twinExit).as(twin.tail()).isEqualTo(3);
        assertThat(twin.find(Pattern.compile("vantage 'paris-1' is already probed by node"))).as(twin.tail())
                .isPresent();

        // after the twin left: otherwise the twin could meet the stranger first, and be refused for that
        NodeProcess stranger = NodeProcess.start("stranger", dir, env, "run", "--config", other.toString(),
                "--role", "probe", "--vantage", "lyon-1", "--cluster-listen", "127.0.0.1:" + ports.get(2));
        nodes.add(stranger);
        int strangerExit = stranger.exitStatus(START);
        assertThat(strangerExit).as(stranger.tail()).isEqualTo(3);
        assertThat(stranger.find(Pattern.compile("belongs to cluster 'vigie-test', this node to 'vigie-other'")))
                .as(stranger.tail()).isPresent();

        // systemctl reload on a cluster node: told it is not available, and the node keeps running (the JVM's
        // default for SIGHUP would end it).
        first.hangup();
        first.await("SIGHUP: reload is not available with --role", START);
        assertThat(first.isAlive()).as(first.tail()).isTrue();
    }

    /** A test's nodes die with it: nothing of one test writes into the shared directory during the next. */
    @AfterEach
    void stopNodes() throws InterruptedException {
        NodeProcess.closeAll(nodes);
        nodes.clear();
    }

    @AfterAll
    void stopEverything() throws Exception {
        if (fleet != null) {
            fleet.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private String config(String node, int ent, int solo, int control, int site, String members, int hook) {
        Path d = dir.resolve(node);
        return """
                site:
                  title: Vigie (cluster test)
                  output: %1$s/site
                  listen: 127.0.0.1:%5$d
                storage:
                  path: %1$s/vigie.db
                probing:
                  max-requests-per-second: 100
                  connect-timeout: 1s
                  step-timeout: 3s
                schedules:
                  fast:
                    every: 2s
                classifier:
                  open-after-rounds: 1
                  close-after-rounds: 3
                  window: 2m
                targets:
                  - id: ent-test
                    name: Ent Test
                    kind: ent
                    hosting-group: host-a
                    base-url: http://127.0.0.1:%2$d
                    journey: open-ent-ng-write
                    credentials:
                      username: ${VIGIE_DEMO_USERNAME}
                      password: ${VIGIE_DEMO_PASSWORD}
                    schedule: fast
                  - id: ent-solo
                    name: Ent Solo
                    kind: ent
                    hosting-group: host-b
                    base-url: http://127.0.0.1:%3$d
                    journey: open-ent-ng-write
                    credentials:
                      username: ${VIGIE_DEMO_USERNAME}
                      password: ${VIGIE_DEMO_PASSWORD}
                    schedule: fast
                  - id: control
                    name: Contrôle
                    kind: control
                    hosting-group: vigie-control
                    base-url: http://127.0.0.1:%4$d
                    journey: control
                    schedule: fast
                alerts:
                  receivers:
                    cellule:
                      type: webhook
                      url: http://127.0.0.1:%7$d/hook
                      secret: whsec_ZGVtby1zZWNyZXQtZGVtby1zZWNyZXQ=
                  default-receivers: [cellule]
                  group-wait: 1s
                cluster:
                  name: vigie-test
                  members: [%6$s]
                  vantages: 3
                  quorum: 2
                  heartbeat: 1s
                  heartbeat-timeout: 4s
                """.formatted(d, ent, solo, control, site, members, hook);
    }

    private Path write(String node, String yaml) throws Exception {
        Files.createDirectories(dir.resolve(node));
        Path file = dir.resolve(node + ".yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private static int awaitLeader(List<NodeProcess> controllers, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < controllers.size(); i++) {
                if (controllers.get(i).find(LEADER).isPresent()) {
                    return i;
                }
            }
            NodeProcess.pause();
        }
        throw new AssertionError("no controller became leader");
    }

    private static JsonObject vantage(JsonObject report, String id) {
        JsonArray vantages = report.getJsonArray("vantages");
        for (int i = 0; i < vantages.size(); i++) {
            if (id.equals(vantages.getJsonObject(i).getString("vantage"))) {
                return vantages.getJsonObject(i);
            }
        }
        throw new AssertionError("no vantage " + id + " in " + report.encode());
    }

    private static boolean dissentOf(JsonObject report, String target, String vantage) {
        JsonArray dissents = report.getJsonArray("dissents");
        for (int i = 0; i < dissents.size(); i++) {
            JsonObject d = dissents.getJsonObject(i);
            if (target.equals(d.getString("target")) && vantage.equals(d.getString("vantage"))) {
                return true;
            }
        }
        return false;
    }

    private static JsonObject awaitFile(Path file, Predicate<JsonObject> until, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            if (Files.exists(file)) {
                last = Files.readString(file);
                JsonObject json = new JsonObject(last);
                if (until.test(json)) {
                    return json;
                }
            }
            NodeProcess.pause();
        }
        throw new AssertionError(file + " never matched; last: " + last);
    }

    private JsonObject summary(int port) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v2/summary.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        return new JsonObject(r.body());
    }

    /** The page at {@code path} once it contains {@code wanted}. */
    private String awaitPage(int port, String path, String wanted, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                if (last.contains(wanted)) {
                    return last;
                }
            } catch (java.io.IOException notYet) {
                // the node is still starting its server
            }
            NodeProcess.pause();
        }
        throw new AssertionError("page " + path + " on " + port + " never showed " + wanted + "; last: " + last);
    }

    private JsonObject awaitSummary(int port, Predicate<JsonObject> until, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        JsonObject last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = summary(port);
                if (until.test(last)) {
                    return last;
                }
            } catch (java.io.IOException notYet) {
                // the node is still starting its server
            }
            NodeProcess.pause();
        }
        throw new AssertionError("site on " + port + " never matched; last: " + last);
    }

    private static Optional<String> status(JsonObject summary, String name) {
        JsonArray components = summary.getJsonArray("components");
        for (int i = 0; i < components.size(); i++) {
            JsonObject c = components.getJsonObject(i);
            if (name.equals(c.getString("name"))) {
                return Optional.ofNullable(c.getString("status"));
            }
        }
        return Optional.empty();
    }

    private static void awaitTrue(Check check, Duration patience, String what) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (check.holds()) {
                return;
            }
            NodeProcess.pause();
        }
        throw new AssertionError("never: " + what);
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }

    private static Set<String> ids(Path outbox, String state) throws Exception {
        Set<String> ids = new HashSet<>();
        if (!Files.exists(outbox)) {
            return ids;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + outbox);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM notification WHERE receiver='cellule' AND state='"
                     + state + "'")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }
}
