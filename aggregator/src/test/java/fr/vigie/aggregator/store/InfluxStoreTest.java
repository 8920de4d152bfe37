package fr.vigie.aggregator.store;

import fr.vigie.aggregator.Fixtures;
import fr.vigie.config.StepKind;
import fr.vigie.probes.StepResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The store contract against a real InfluxDB 1.x, plus the disk spool used while it is unreachable. */
class InfluxStoreTest extends StoreContractTest {
    static final String URL = System.getenv().getOrDefault("VIGIE_TEST_INFLUXDB", "http://127.0.0.1:8086");

    @TempDir
    Path dir;
    private final Map<Store, String> databases = new HashMap<>();

    @Override
    protected Store newStore() {
        String db = "vigie_test_" + UUID.randomUUID().toString().replace("-", "");
        Store s = new InfluxStore(URL, db, Duration.ofDays(7), dir.resolve(db), null, null);
        databases.put(s, db);
        return s;
    }

    @AfterEach
    void dropDatabases() throws Exception {
        for (String db : databases.values()) {
            influxQuery("DROP DATABASE \"" + db + "\"");
        }
    }

    @Test
    void startUpCreatesRetentionPoliciesAndRollups() throws Exception {
        Store store = track(newStore());
        String db = databases.get(store);

        assertThat(influxQuery("SHOW RETENTION POLICIES ON \"" + db + "\""))
                .contains("\"raw\",\"168h0m0s\"").contains("\"rollup_90d\",\"2160h0m0s\"");
        assertThat(influxQuery("SHOW CONTINUOUS QUERIES"))
                .contains("results_1m ON " + db).contains("results_1h ON " + db).contains("results_1d ON " + db);
    }

    static String influxQuery(String q) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(URL + "/query"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    @Override
    protected Store reopen(Store previous) {
        String db = databases.get(previous);
        return new InfluxStore(URL, db, Duration.ofDays(7), dir.resolve(db), null, null);
    }

    @Test
    void thePasswordNeverReachesLogsOrExceptions() throws Exception {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(InfluxStore.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> seen =
                new ch.qos.logback.core.read.ListAppender<>();
        seen.start();
        logger.addAppender(seen);
        String password = "pw-influx-7f3a9c";
        // A hostile InfluxDB that echoes the credentials it received in its error messages.
        com.sun.net.httpserver.HttpServer echo = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        echo.createContext("/", ex -> {
            String auth = String.valueOf(ex.getRequestHeaders().getFirst("Authorization"));
            String who = auth.startsWith("Basic ") ? new String(java.util.Base64.getDecoder().decode(auth.substring(6)),
                    StandardCharsets.UTF_8) : ex.getRequestURI().toString();
            byte[] body = ("{\"error\":\"refused " + who + "\"}").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(400, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        echo.start();
        StringBuilder text = new StringBuilder();
        try (InfluxStore store = new InfluxStore("http://127.0.0.1:" + echo.getAddress().getPort(),
                "vigie_secret_test", Duration.ofDays(7),
                dir.resolve("secret-spool"), fr.vigie.config.Secret.of("literal", "vigie"),
                fr.vigie.config.Secret.of("env:INFLUX_PASSWORD", password))) {
            store.appendResults(List.of(Fixtures.ok("a", T0, "home", StepKind.PAGE, 10, 10)));
            store.flush();
            try {
                store.results("a", T0, T0.plusSeconds(1));
            } catch (StoreException e) {
                text.append(e).append(e.getCause());
            }
        } finally {
            logger.detachAppender(seen);
            echo.stop(0);
        }
        seen.list.forEach(e -> text.append(e.getFormattedMessage()).append('\n'));
        assertThat(seen.list).isNotEmpty();
        assertThat(text.toString()).contains("******").doesNotContain(password);
    }

    @Test
    void aServerTooSlowToAnswerSendsPointsToTheSpoolAndTheyArriveLater() throws Exception {
        String db = "vigie_slow_" + UUID.randomUUID().toString().replace("-", "");
        databases.put(null, db);
        Path spoolDir = dir.resolve("slow-spool");
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        // Accepts every request and never answers until the test ends: a stalled InfluxDB.
        com.sun.net.httpserver.HttpServer stalled = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        stalled.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        stalled.createContext("/", ex -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
        stalled.start();
        List<StepResult> all = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            all.add(Fixtures.ok("slow", T0.plusSeconds(i), "home", StepKind.PAGE, 30, 100 + i));
        }
        try (InfluxStore slow = new InfluxStore("http://127.0.0.1:" + stalled.getAddress().getPort(), db,
                Duration.ofDays(7), spoolDir, null, null, Duration.ofMillis(300))) {
            slow.appendResults(all);
            slow.flush();
            assertThat(slow.spooling()).isTrue();
        } finally {
            release.countDown();
            stalled.stop(0);
        }
        try (InfluxStore back = new InfluxStore(URL, db, Duration.ofDays(7), spoolDir, null, null)) {
            back.flush();
            assertThat(back.spooling()).isFalse();
            assertThat(back.results("slow", T0, T0.plusSeconds(3600))).containsExactlyElementsOf(all);
        }
    }

    @Test
    void resultsWrittenWhileInfluxIsDownAreReplayedExactlyOnceInOrder() throws Exception {
        String db = "vigie_spool_" + UUID.randomUUID().toString().replace("-", "");
        databases.put(null, db);
        Path spoolDir = dir.resolve("spool");
        List<StepResult> all = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            all.add(Fixtures.ok("spooled", T0.plusSeconds(i), "home", StepKind.PAGE, 30, 100 + i));
        }

        try (InfluxStore up = new InfluxStore(URL, db, Duration.ofDays(7), spoolDir, null, null)) {
            up.appendResults(all.subList(0, 100));
            up.flush();
            assertThat(up.spooling()).isFalse();
        }
        // The same database behind a port where nothing listens: InfluxDB is "down".
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        try (InfluxStore down = new InfluxStore("http://127.0.0.1:" + deadPort, db, Duration.ofDays(7), spoolDir,
                null, null)) {
            down.appendResults(all.subList(100, 200));
            down.flush();
            down.appendResults(all.subList(200, 300));
            down.flush();
            assertThat(down.spooling()).isTrue();
        }
        try (InfluxStore back = new InfluxStore(URL, db, Duration.ofDays(7), spoolDir, null, null)) {
            back.flush();
            assertThat(back.spooling()).isFalse();
            assertThat(back.results("spooled", T0, T0.plusSeconds(3600))).containsExactlyElementsOf(all);
            // A replay after a partial replay rewrites the same points: still exactly once.
            back.appendResults(all.subList(150, 250));
            back.flush();
            assertThat(back.results("spooled", T0, T0.plusSeconds(3600))).containsExactlyElementsOf(all);
        }
    }
}
