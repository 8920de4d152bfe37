package fr.vigie.app.ops;

import fr.vigie.simulator.LoopbackPorts;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reload of a real {@code vigie run}: an invalid file (SIGHUP or POST /api/reload) is refused with every error and
 * probing goes on untouched; a valid one (either way) is swapped in without restarting the process.
 */
class ReloadProcessTest {
    private static final String TOKEN = "reload-test-token-0123456789";

    @TempDir
    Path dir;

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private HttpServer target;
    private List<Integer> ports;
    private Path config;
    private String admin;

    /** A control target to probe, two free ports (site, admin) and a valid file naming a first extra target. */
    @BeforeEach
    void startTargetAndWriteConfig() throws Exception {
        target = vertx.createHttpServer().requestHandler(req -> req.response().end("<html>Vigie control</html>"))
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        ports = LoopbackPorts.free(2);
        config = dir.resolve("vigie.yaml");
        admin = "http://127.0.0.1:" + ports.get(1);
        Files.writeString(config, valid(ports, target.actualPort(), "svc-first"));
    }

    @Test
    void invalidFilesAreRefusedWithEveryErrorAndValidOnesAreSwappedIn() throws Exception {
        try (VigieProcess vigie = VigieProcess.run(config, dir, TOKEN)) {
            vigie.await("ready", Duration.ofSeconds(60), () -> status(get(admin + "/readyz")) == 200);

            // An invalid file by SIGHUP: refused, both errors logged, probing goes on.
            Files.writeString(config, invalid(ports, target.actualPort()));
            vigie.signal("HUP");
            vigie.await("the refusal logged", Duration.ofSeconds(30),
                    () -> vigie.logText().contains("reload refused, 2 error(s)"));
            assertThat(vigie.logText()).contains("schedules.fast.every").contains("targets[0].journey");
            long before = vigie.traceLines().size();
            vigie.await("svc-a still probed", Duration.ofSeconds(30), () -> vigie.traceLines().size() > before + 2);

            // The same file by the admin API: 422 with every error.
            HttpResponse<String> refused = post(admin + "/api/reload");
            assertThat(refused.statusCode()).isEqualTo(422);
            JsonObject body = new JsonObject(refused.body());
            assertThat(body.getString("status")).isEqualTo("refused");
            assertThat(body.getJsonArray("errors")).hasSize(2);
            assertThat(body.encode()).contains("schedules.fast.every").contains("targets[0].journey");
            assertThat(status(get(admin + "/readyz"))).isEqualTo(200);

            // A valid file with another target by the admin API: swapped in.
            Files.writeString(config, valid(ports, target.actualPort(), "svc-b"));
            assertThat(post(admin + "/api/reload").statusCode()).isEqualTo(202);
            vigie.await("svc-b probed", Duration.ofSeconds(60),
                    () -> vigie.traceLines().stream().anyMatch(l -> l.contains("\"svc-b\"")));

            // And by SIGHUP.
            Files.writeString(config, valid(ports, target.actualPort(), "svc-c"));
            vigie.signal("HUP");
            vigie.await("svc-c probed", Duration.ofSeconds(60),
                    () -> vigie.traceLines().stream().anyMatch(l -> l.contains("\"svc-c\"")));
            vigie.await("ready again", Duration.ofSeconds(30), () -> status(get(admin + "/readyz")) == 200);
            assertThat(vigie.process.isAlive()).as("the same process all along").isTrue();
        }
    }

    /**
     * A SIGHUP sent while the process is still starting (its store just opened, nothing listens yet) must not end it
     * (the JVM's default for SIGHUP): the reload runs once the system is up. CI caught that race on a loaded machine.
     */
    @Test
    void aHangupWhileStartingReloadsOnceUpInsteadOfEndingTheProcess() throws Exception {
        try (VigieProcess vigie = VigieProcess.run(config, dir, TOKEN)) {
            vigie.await("the store opened", Duration.ofSeconds(60),
                    () -> vigie.logText().contains("SQLite store opened"));
            Files.writeString(config, valid(ports, target.actualPort(), "svc-late"));
            vigie.signal("HUP");
            vigie.await("svc-late probed", Duration.ofSeconds(60),
                    () -> vigie.traceLines().stream().anyMatch(l -> l.contains("\"svc-late\"")));
            vigie.await("ready", Duration.ofSeconds(30), () -> status(get(admin + "/readyz")) == 200);
            assertThat(vigie.logText()).contains("SIGHUP: reloading the configuration").doesNotContain("stopping:");
            assertThat(vigie.process.isAlive()).as("the same process all along").isTrue();
        }
    }

    @AfterEach
    void closeVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private String valid(List<Integer> ports, int targetPort, String extra) {
        return """
                site: {output: %1$s/site, listen: "127.0.0.1:%2$d"}
                storage: {type: embedded, path: %1$s/vigie.db}
                schedules: {fast: {every: 1s}}
                targets:
                  - {id: svc-a, name: A, kind: control, hosting-group: a, base-url: "http://127.0.0.1:%3$d",
                     journey: control, schedule: fast}
                  - {id: %5$s, name: Extra, kind: control, hosting-group: b, base-url: "http://127.0.0.1:%3$d",
                     journey: control, schedule: fast}
                alerts:
                  admin: {listen: "127.0.0.1:%4$d", token: "${VIGIE_ADMIN_TOKEN}"}
                """.formatted(dir, ports.get(0), targetPort, ports.get(1), extra);
    }

    private String invalid(List<Integer> ports, int targetPort) {
        return """
                site: {output: %1$s/site, listen: "127.0.0.1:%2$d"}
                storage: {type: embedded, path: %1$s/vigie.db}
                schedules: {fast: {every: soon}}
                targets:
                  - {id: svc-a, name: A, kind: control, hosting-group: a, base-url: "http://127.0.0.1:%3$d",
                     journey: no-such-journey, schedule: fast}
                alerts:
                  admin: {listen: "127.0.0.1:%4$d", token: "${VIGIE_ADMIN_TOKEN}"}
                """.formatted(dir, ports.get(0), targetPort, ports.get(1));
    }

    private static int status(HttpResponse<String> r) {
        return r == null ? -1 : r.statusCode();
    }

    private HttpResponse<String> get(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception notYetListening) {
            return null;
        }
    }

    private HttpResponse<String> post(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
