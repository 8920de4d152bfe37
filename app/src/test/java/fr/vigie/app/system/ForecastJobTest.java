package fr.vigie.app.system;

import fr.vigie.aggregator.forecast.HeadroomForecast;
import fr.vigie.aggregator.forecast.Risk;
import fr.vigie.aggregator.store.SqliteStore;
import fr.vigie.alerts.AlertService;
import fr.vigie.alerts.content.AlertKind;
import fr.vigie.config.ConfigLoader;
import fr.vigie.config.StepKind;
import fr.vigie.config.VigieConfig;
import fr.vigie.config.calendar.SchoolCalendar;
import fr.vigie.probes.Outcome;
import fr.vigie.probes.StepResult;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forecast job on a real store and a real alert service: after the rush of a Thursday whose mornings grew
 * slower day after day, Friday's risk is "élevé", the page is asked to regenerate, and the crisis cell's webhook
 * gets one forecast.saturation_risk the day before (not before noon, and not twice).
 */
class ForecastJobTest {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    @TempDir
    Path dir;
    private Vertx vertx;
    private HttpServer webhook;
    private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();

    @BeforeEach
    void receiver() throws Exception {
        vertx = Vertx.vertx();
        webhook = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
            received.add(new JsonObject(b.toString()));
            req.response().setStatusCode(204).end();
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private VigieConfig config() throws Exception {
        return config("");
    }

    private VigieConfig config(String forecastSection) throws Exception {
        Path file = dir.resolve("vigie.yaml");
        Files.writeString(file, """
                site: {output: %1$s/site}
                storage: {type: embedded, path: %1$s/vigie.db}
                targets:
                  - {id: ent-growth, name: ENT qui grandit, kind: ent, holiday-zone: C, base-url: "http://127.0.0.1:9",
                     journey: public-page}
                  - {id: ent-calm, name: ENT tranquille, kind: ent, holiday-zone: C, base-url: "http://127.0.0.1:9",
                     journey: public-page}
                alerts:
                  receivers: {cellule: {type: webhook, url: "http://127.0.0.1:%2$d/hook",
                              secret: whsec_ZGVtby1zZWNyZXQtZGVtby1zZWNyZXQ=}}
                  default-receivers: [cellule]
                """.formatted(dir, webhook.actualPort()) + forecastSection);
        return new ConfigLoader(Map.of()).load(file);
    }

    /** School mornings of zone C up to Thursday 26 November 2026: calm at 250 ms, the rush at 250 / (1 - u). */
    private static void weeks(SqliteStore store) {
        SchoolCalendar calendar = SchoolCalendar.load();
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2026, 11, 26); days.size() < 12; d = d.minusDays(1)) {
            if (calendar.isSchoolDay(d, "C")) {
                days.add(0, d);
            }
        }
        List<StepResult> batch = new ArrayList<>();
        for (int k = 0; k < days.size(); k++) {
            double growing = 0.35 + 0.05 * k;
            for (int m = 0; m < 30; m += 3) {
                batch.add(login("ent-growth", days.get(k), LocalTime.of(7, m), 250));
                batch.add(login("ent-calm", days.get(k), LocalTime.of(7, m), 250));
            }
            for (int m = 0; m < 45; m++) {
                batch.add(login("ent-growth", days.get(k), LocalTime.of(7, 45).plusMinutes(m), 250 / (1 - growing)));
                batch.add(login("ent-calm", days.get(k), LocalTime.of(7, 45).plusMinutes(m), 260));
            }
        }
        store.appendResults(batch);
        store.flush();
    }

    private static StepResult login(String target, LocalDate day, LocalTime at, double ms) {
        var ts = day.atTime(at).atZone(PARIS).toInstant();
        return new StepResult(ts, ts, target, "paris-1", "public-page", "run-" + ts.toEpochMilli(), "login",
                StepKind.LOGIN, Outcome.OK, 200, null, 1.0, 10.0, null, ms - 20, ms, 4000, false, null, null, null);
    }

    private static Clock at(String localDateTime) {
        return Clock.fixed(java.time.LocalDateTime.parse(localDateTime).atZone(PARIS).toInstant(), PARIS);
    }

    @Test
    void theDayBeforeFromNoonTheCrisisCellIsToldOnce() throws Exception {
        VigieConfig config = config();
        try (SqliteStore store = new SqliteStore(dir.resolve("vigie.db"), Duration.ofDays(3650));
             AlertService alerts = AlertService.start(Sections.alerts(config), dir.resolve("outbox.db"), at("2026-11-26T14:00"))) {
            weeks(store);
            AtomicInteger regenerations = new AtomicInteger();
            ForecastJob morning = new ForecastJob(config, store, alerts.dispatcher(), regenerations::incrementAndGet,
                    at("2026-11-26T10:00"));
            List<HeadroomForecast> early = morning.run();
            assertThat(early).extracting(HeadroomForecast::target).containsExactly("ent-growth", "ent-calm");
            assertThat(early).extracting(HeadroomForecast::risk).containsExactly(Risk.HIGH, Risk.LOW);
            assertThat(early.get(0).morning()).isEqualTo(LocalDate.of(2026, 11, 27));
            assertThat(morning.latest()).isEqualTo(early);
            assertThat(regenerations).hasValue(1);
            alerts.dispatcher().tick().get(5, TimeUnit.SECONDS);
            assertThat(alerts.outbox().all()).as("before noon nobody is alerted").isEmpty();

            ForecastJob afternoon = new ForecastJob(config, store, alerts.dispatcher(), regenerations::incrementAndGet,
                    at("2026-11-26T14:00"));
            afternoon.run();
            afternoon.run(); // the next hourly run
            alerts.dispatcher().tick().get(5, TimeUnit.SECONDS);
            JsonObject alert = received.poll(20, TimeUnit.SECONDS);
            assertThat(alert).as("the webhook got the forecast").isNotNull();
            assertThat(alert.getString("type")).isEqualTo("forecast.saturation_risk");
            assertThat(alert.getJsonObject("data").getString("key")).isEqualTo("forecast:ent-growth@2026-11-27");
            assertThat(alert.getJsonObject("data").getJsonArray("evidence").getString(0))
                    .isEqualTo("risque élevé de saturation vendredi 8:00");
            assertThat(alert.getJsonObject("data").getString("message")).contains("prévision statistique, pas une mesure");
            assertThat(alerts.outbox().all()).extracting(e -> e.alert().kind()).containsExactly(AlertKind.FORECAST);
        }
    }

    @Test
    void theConfiguredAlertHourIsWhenTheCrisisCellIsTold() throws Exception {
        VigieConfig config = config("forecast: {alert-hour: 9}\n");
        assertThat(config.forecast().alertHour()).isEqualTo(9);
        try (SqliteStore store = new SqliteStore(dir.resolve("vigie.db"), Duration.ofDays(3650));
             AlertService alerts = AlertService.start(Sections.alerts(config), dir.resolve("outbox.db"), at("2026-11-26T10:00"))) {
            weeks(store);
            ForecastJob early = new ForecastJob(config, store, alerts.dispatcher(), () -> { }, at("2026-11-26T08:59"));
            early.run();
            alerts.dispatcher().tick().get(5, TimeUnit.SECONDS);
            assertThat(alerts.outbox().all()).as("before 9:00 nobody is alerted").isEmpty();
            new ForecastJob(config, store, alerts.dispatcher(), () -> { }, at("2026-11-26T10:00")).run();
            alerts.dispatcher().tick().get(5, TimeUnit.SECONDS);
            JsonObject alert = received.poll(20, TimeUnit.SECONDS);
            assertThat(alert).as("at 10:00, past the configured 9:00, the webhook got the forecast").isNotNull();
            assertThat(alert.getJsonObject("data").getString("key")).isEqualTo("forecast:ent-growth@2026-11-27");
        }
    }
}
