package fr.vigie.app.ops;

import fr.vigie.app.system.VigieSystem;
import fr.vigie.config.ConfigLoader;
import fr.vigie.config.VigieConfig;
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
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin listener's operations side, against a real system probing a real loopback server: health checks
 * without the token, Prometheus metrics behind it, failed-token rate limiting, and the "no results" alarm.
 */
class OpsEndpointsTest {
    private static final String TOKEN = "ops-test-token-0123456789";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private Vertx vertx;
    private HttpServer target;
    private HttpServer webhook;
    private final BlockingQueue<JsonObject> alerts = new LinkedBlockingQueue<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void servers() throws Exception {
        vertx = Vertx.vertx();
        target = vertx.createHttpServer().requestHandler(req -> req.response().putHeader("Content-Type", "text/html")
                .end("<html><body>Vigie control</body></html>")).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        webhook = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
            alerts.add(new JsonObject(b.toString()));
            req.response().setStatusCode(204).end();
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private VigieConfig config(String every, String staleAfter) throws Exception {
        List<Integer> ports = LoopbackPorts.free(2);
        Path file = dir.resolve("ops.yaml");
        Files.writeString(file, """
                site: {output: %1$s/site, listen: "127.0.0.1:%2$d"}
                storage: {type: embedded, path: %1$s/vigie.db}
                schedules: {fast: {every: %6$s}}
                targets:
                  - {id: svc-a, name: Svc A, kind: control, hosting-group: local, base-url: "http://127.0.0.1:%3$d",
                     journey: control, schedule: fast}
                alerts:
                  receivers: {cellule: {type: webhook, url: "http://127.0.0.1:%4$d/hook",
                              secret: whsec_ZGVtby1zZWNyZXQtZGVtby1zZWNyZXQ=}}
                  default-receivers: [cellule]
                  group-wait: 1s
                  admin: {listen: "127.0.0.1:%5$d", token: %7$s, stale-after: %8$s}
                """.formatted(dir, ports.get(0), target.actualPort(), webhook.actualPort(), ports.get(1), every,
                TOKEN, staleAfter));
        return new ConfigLoader(Map.of()).load(file);
    }

    @Test
    void healthWithoutTokenMetricsWithItAndWrongTokensAreRateLimited() throws Exception {
        VigieConfig config = config("1s", "10m");
        try (VigieSystem system = VigieSystem.start(vertx, config, Optional.empty(), Clock.systemUTC())) {
            String admin = "http://127.0.0.1:" + system.adminPort().orElseThrow();

            assertThat(get(admin + "/livez", null).statusCode()).isEqualTo(200);
            HttpResponse<String> ready = poll(() -> get(admin + "/readyz", null),
                    r -> r.statusCode() == 200 && new JsonObject(r.body()).getString("last_result") != null);
            JsonObject detail = new JsonObject(ready.body());
            assertThat(detail.getString("status")).isEqualTo("ready");
            assertThat(detail.getBoolean("store_writable")).isTrue();
            assertThat(detail.getBoolean("event_loops_blocked")).isFalse();

            assertThat(get(admin + "/metrics", null).statusCode()).as("metrics need the token").isEqualTo(401);
            HttpResponse<String> metrics = poll(() -> get(admin + "/metrics", TOKEN),
                    r -> r.body().contains("vigie_site_generation_seconds_count"));
            assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
            String text = metrics.body();
            assertThat(text).containsPattern(
                    "vigie_step_results_total\\{outcome=\"ok\",step=\"home\",target=\"svc-a\"} [1-9]")
                    .containsPattern("vigie_step_duration_seconds_bucket\\{step=\"home\",target=\"svc-a\",le=\"[0-9.]+\"} [1-9]")
                    .containsPattern("vigie_step_phase_seconds_count\\{phase=\"ttfb\",target=\"svc-a\"} [1-9]")
                    .containsPattern("vigie_store_write_seconds_count\\{operation=\"results\"} [1-9]")
                    .contains("vigie_round_start_delay_seconds_bucket")
                    .contains("vigie_store_backlog_items ")
                    .contains("vigie_store_writable 1.0")
                    .contains("vigie_alerts_outbox_pending ")
                    .contains("vigie_ready 1.0")
                    .contains("jvm_memory_used_bytes")
                    .doesNotContain(TOKEN);

            // Ten wrong tokens are answered 401; the eleventh attempt, even with the right token, is refused.
            for (int i = 0; i < 10; i++) {
                assertThat(get(admin + "/api/incidents", "wrong-" + i).statusCode()).isEqualTo(401);
            }
            HttpResponse<String> limited = get(admin + "/api/incidents", TOKEN);
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isPositive();
            assertThat(get(admin + "/readyz", null).statusCode()).as("health is never limited").isEqualTo(200);
        }
    }

    @Test
    void rowsTheStoreRejectsAreCountedInMetricsWithTheShedAndDroppedCounters() throws Exception {
        VigieConfig config = config("1s", "10m");
        try (VigieSystem system = VigieSystem.start(vertx, config, Optional.empty(), Clock.systemUTC())) {
            String admin = "http://127.0.0.1:" + system.adminPort().orElseThrow();
            // SQLite refuses every result of the probed target from now on: the store quarantines them.
            try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("vigie.db"));
                 java.sql.Statement st = c.createStatement()) {
                st.execute("CREATE TRIGGER reject_svc BEFORE INSERT ON results WHEN NEW.target = 'svc-a'"
                        + " BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
            }
            String text = poll(() -> get(admin + "/metrics", TOKEN),
                    r -> r.body().matches("(?s).*\\nvigie_store_quarantined_items_total [1-9].*")).body();
            assertThat(text).contains("vigie_store_shed_items_total{kind=\"result\"} 0.0",
                    "vigie_store_shed_items_total{kind=\"verdict\"} 0.0",
                    "vigie_store_shed_items_total{kind=\"incident_event\"} 0.0",
                    "vigie_aggregator_dropped_results_total 0.0");
        }
    }

    @Test
    void aCounterReadFromAPartCarriesOverWhenThePartIsReplaced() {
        VigieMetrics metrics = new VigieMetrics();
        java.util.concurrent.atomic.AtomicLong first = new java.util.concurrent.atomic.AtomicLong(7);
        metrics.total("vigie.test.lost", "test", io.micrometer.core.instrument.Tags.empty(), first::get);
        assertThat(metrics.scrape()).contains("vigie_test_lost_total 7.0");
        metrics.total("vigie.test.lost", "test", io.micrometer.core.instrument.Tags.empty(), () -> 2); // a reload
        assertThat(metrics.scrape()).contains("vigie_test_lost_total 9.0");
    }

    @Test
    void noResultStoredForStaleAfterMakesReadinessFailAndRaisesAnInternalAlarm() throws Exception {
        // Probed hourly: no result arrives during the test.
        VigieConfig config = config("1h", "2s");
        try (VigieSystem system = VigieSystem.start(vertx, config, Optional.empty(), Clock.systemUTC())) {
            String admin = "http://127.0.0.1:" + system.adminPort().orElseThrow();
            HttpResponse<String> notReady = poll(() -> get(admin + "/readyz", null), r -> r.statusCode() == 503);
            JsonObject detail = new JsonObject(notReady.body());
            assertThat(detail.getBoolean("results_fresh")).isFalse();
            assertThat(detail.getBoolean("store_writable")).isTrue();

            JsonObject alarm = alerts.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertThat(alarm).as("the operator is told").isNotNull();
            assertThat(alarm.encode()).contains("aucun résultat");
        }
    }

    private HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @FunctionalInterface
    interface Call {
        HttpResponse<String> call() throws Exception;
    }

    static HttpResponse<String> poll(Call call, Predicate<HttpResponse<String>> done) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            last = call.call();
            if (done.test(last)) {
                return last;
            }
            TimeUnit.MILLISECONDS.sleep(100); // polling interval of a deadline-bounded poll
        }
        throw new AssertionError("condition not met in " + PATIENCE + "; last answer " + (last == null ? null
                : last.statusCode() + " " + last.body()));
    }
}
