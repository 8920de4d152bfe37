package fr.vigie.app.mirror;

import fr.vigie.app.ops.VigieMetrics;
import fr.vigie.app.system.SystemRole;
import fr.vigie.app.system.VigieSystem;
import fr.vigie.config.ConfigLoader;
import fr.vigie.config.VigieConfig;
import fr.vigie.simulator.LoopbackPorts;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.awaitility.Awaitility;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code site.mirrors} read from the file and wired by {@link VigieSystem}: a single process pushes its site (the
 * mirror then serves the same home page and JSON, and the metrics count it); a cluster controller pushes only once
 * it leads.
 */
class LeaderPushesTest {
    @TempDir
    Path dir;

    /** A controller that is not the leader until the test says so. */
    static final class Follower implements SystemRole {
        final List<Runnable> callbacks = new CopyOnWriteArrayList<>();

        @Override
        public void whenLeader(Runnable becameLeader) {
            callbacks.add(becameLeader);
        }

        void lead() {
            callbacks.forEach(Runnable::run);
        }
    }

    @Test
    void theSingleProcessPushesAndAControllerOnlyOnceItLeads() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(DavNginx.NGINX), "nginx is not installed");
        Vertx vertx = Vertx.vertx();
        try (DavNginx nginx = DavNginx.start(dir, "vigie", "inutilise")) {
            Files.createDirectories(nginx.served("open", "single"));
            Files.createDirectories(nginx.served("open", "follower"));
            VigieMetrics metrics = new VigieMetrics();
            Follower follower = new Follower();
            try (VigieSystem single = VigieSystem.start(vertx, config("single", nginx), Optional.empty(),
                    Clock.systemUTC(), metrics, null, SystemRole.SINGLE);
                 VigieSystem controller = VigieSystem.start(vertx, config("follower", nginx), Optional.empty(),
                         Clock.systemUTC(), new VigieMetrics(), null, follower)) {
                await(() -> sameAsLocal(nginx, "single", "index.html") && sameAsLocal(nginx, "single",
                        "api/v2/summary.json"), "the single process's site on the mirror");
                assertThat(metrics.scrape()).containsPattern(
                        "vigie_site_mirror_files_total\\{mirror=\"" + nginx.url("open") + "single/\",operation=\"put\"} [1-9]")
                        .contains("vigie_site_mirrors_failing 0.0");
                assertThat(nginx.requests("PUT", "/open/follower/")).as("a follower pushes nothing").isEmpty();

                follower.lead();
                await(() -> sameAsLocal(nginx, "follower", "index.html"), "the new leader's site on the mirror");
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private VigieConfig config(String name, DavNginx nginx) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(name));
        List<Integer> ports = LoopbackPorts.free(3);
        Path file = folder.resolve("vigie.yaml");
        Files.writeString(file, """
                site:
                  output: %1$s/site
                  listen: "127.0.0.1:%2$d"
                  mirrors:
                    - url: %5$s%6$s/
                      timeout: 5s
                storage: {type: embedded, path: %1$s/vigie.db}
                schedules: {hourly: {every: 1h}}
                targets:
                  - {id: ent-a, name: Ent A, kind: ent, base-url: "http://127.0.0.1:%3$d", journey: control,
                     schedule: hourly}
                alerts:
                  admin: {listen: "127.0.0.1:%4$d"}
                """.formatted(folder, ports.get(0), ports.get(1), ports.get(2), nginx.url("open"), name));
        return new ConfigLoader(Map.of()).load(file);
    }

    private boolean sameAsLocal(DavNginx nginx, String name, String path) {
        try {
            Path served = nginx.served("open", name + "/" + path);
            Path local = dir.resolve(name).resolve("site").resolve(path);
            return Files.exists(served) && Files.exists(local)
                    && java.util.Arrays.equals(Files.readAllBytes(served), Files.readAllBytes(local));
        } catch (java.io.IOException e) {
            return false; // a generation swapped while reading: look again
        }
    }

    /** The mirror is another process (nginx): what it serves can only be looked at again until it matches. */
    private static void await(BooleanSupplier condition, String what) {
        Awaitility.await(what).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(condition::getAsBoolean);
    }
}
