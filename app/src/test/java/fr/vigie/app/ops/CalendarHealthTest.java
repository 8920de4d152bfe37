package fr.vigie.app.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fr.vigie.app.system.VigieSystem;
import fr.vigie.config.ConfigLoader;
import fr.vigie.config.VigieConfig;
import fr.vigie.simulator.LoopbackPorts;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The school calendar on the operator's health endpoints of a real system: /readyz and /api/health say how far
 * the holiday data reaches, warn ahead of its end (in the log too) and once it ran out, and an imported ministry
 * export pushes that day back.
 */
class CalendarHealthTest {
    private static final String TOKEN = "calendar-test-token-0123456789";
    @TempDir
    Path dir;
    private Vertx vertx;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void vertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private VigieConfig config(String calendar) throws Exception {
        List<Integer> ports = LoopbackPorts.free(2);
        Path file = dir.resolve("calendar.yaml");
        Files.writeString(file, """
                site: {output: %1$s/site, listen: "127.0.0.1:%2$d"}
                storage: {type: embedded, path: %1$s/vigie.db}
                schedules: {slow: {every: 1h}}
                targets:
                  - {id: svc-a, name: Svc A, kind: control, hosting-group: local, base-url: "http://127.0.0.1:9",
                     journey: control, schedule: slow}
                alerts:
                  admin: {listen: "127.0.0.1:%3$d", token: %4$s, stale-after: 10m}
                %5$s
                """.formatted(dir, ports.get(0), ports.get(1), TOKEN, calendar));
        return new ConfigLoader(Map.of()).load(file);
    }

    /** A clock that reads {@code day} at the moment the test starts, then runs. */
    private static Clock on(String day) {
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), Instant.parse(day + "T06:00:00Z")));
    }

    @Test
    void afterTheShippedDataEndsHealthWarnsThatHolidaysCountAsSchoolDays() throws Exception {
        try (VigieSystem system = VigieSystem.start(vertx, config(""), Optional.empty(), on("2027-10-01"))) {
            String admin = "http://127.0.0.1:" + system.adminPort().orElseThrow();
            for (String path : List.of("/readyz", "/api/health")) {
                HttpResponse<String> answer = get(admin + path);
                assertThat(answer.statusCode()).as(path).isEqualTo(200); // a short calendar does not make Vigie unready
                JsonObject detail = new JsonObject(answer.body());
                JsonObject calendar = detail.getJsonObject("school_calendar");
                assertThat(calendar.getString("state")).as(path).isEqualTo("expired");
                assertThat(calendar.getString("last_known_day")).isEqualTo("2027-08-31");
                assertThat(calendar.getLong("days_left")).isEqualTo(-31);
                assertThat(detail.getJsonArray("warnings").getString(0))
                        .contains("ended on 2027-08-31", "holidays included", "vigie calendar import");
            }
        }
    }

    @Test
    void beforeTheShippedDataEndsHealthAndTheLogWarnAhead() throws Exception {
        Logger watchLog = (Logger) LoggerFactory.getLogger(CalendarWatch.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        watchLog.addAppender(logs);
        try (VigieSystem system = VigieSystem.start(vertx, config(""), Optional.empty(), on("2027-07-15"))) {
            String admin = "http://127.0.0.1:" + system.adminPort().orElseThrow();
            for (String path : List.of("/readyz", "/api/health")) {
                HttpResponse<String> answer = get(admin + path);
                assertThat(answer.statusCode()).as(path).isEqualTo(200);
                JsonObject detail = new JsonObject(answer.body());
                JsonObject calendar = detail.getJsonObject("school_calendar");
                assertThat(calendar.getString("state")).as(path).isEqualTo("ending");
                assertThat(calendar.getLong("days_left")).isEqualTo(47);
                assertThat(detail.getJsonArray("warnings").getString(0))
                        .contains("ends on 2027-08-31", "in 47 days", "vigie calendar import");
            }
            assertThat(logs.list).as("a WARN at start, before the data runs out")
                    .anySatisfy(e -> {
                        assertThat(e.getLevel()).isEqualTo(Level.WARN);
                        assertThat(e.getFormattedMessage()).contains("ends on 2027-08-31", "vigie calendar import");
                    });
        } finally {
            watchLog.detachAppender(logs);
        }
    }

    @Test
    void anImportedExportPushesTheLastKnownDayBack() throws Exception {
        Path sample = Path.of(sample());
        try (VigieSystem system = VigieSystem.start(vertx, config("calendar: {holidays-file: " + sample + "}"),
                Optional.empty(), on("2027-10-01"))) {
            String admin = "http://127.0.0.1:" + system.adminPort().orElseThrow();
            JsonObject detail = new JsonObject(get(admin + "/readyz").body());
            assertThat(detail.getJsonObject("school_calendar").getString("state")).isEqualTo("ok");
            assertThat(detail.getJsonObject("school_calendar").getString("last_known_day")).isEqualTo("2028-08-31");
            assertThat(detail.containsKey("warnings")).isFalse();
        }
    }

    private static URI sample() throws URISyntaxException {
        return CalendarHealthTest.class.getResource("/calendar/fr-en-calendrier-scolaire.json").toURI();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
    }
}
