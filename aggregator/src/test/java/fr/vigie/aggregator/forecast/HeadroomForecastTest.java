package fr.vigie.aggregator.forecast;

import fr.vigie.aggregator.Fixtures;
import fr.vigie.aggregator.store.SqliteStore;
import fr.vigie.config.SpecialDay;
import fr.vigie.config.StepKind;
import fr.vigie.config.calendar.SchoolCalendar;
import fr.vigie.probes.StepResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forecast on a real SQLite store holding weeks of login probes whose rush slows down as a queue does
 * (time x 1 / (1 - u)): a platform whose rush stress grows day after day is announced, a steady one is not, a
 * declared heavy morning tips a platform near its knee, and too short a history says so.
 */
class HeadroomForecastTest {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final double CALM_MS = 250;
    @TempDir
    Path dir;
    private SqliteStore store;
    private final SchoolCalendar calendar = SchoolCalendar.load();
    private final List<LocalDate> days = new ArrayList<>();

    @BeforeEach
    void open() {
        store = new SqliteStore(dir.resolve("vigie.db"), Duration.ofDays(3650));
        // 15 school mornings of zone C from Monday 9 November 2026 (11 November is a public holiday)
        for (LocalDate d = LocalDate.of(2026, 11, 9); days.size() < 15; d = d.plusDays(1)) {
            if (calendar.isSchoolDay(d, "C")) {
                days.add(d);
            }
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** Calm probes at 250 ms from 7:00, then one probe a minute from 7:45 at 250 / (1 - u(morning)). */
    private void mornings(String target, int count, IntToDoubleFunction stress) {
        List<StepResult> batch = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            LocalDate day = days.get(k);
            for (int m = 0; m < 30; m += 4) {
                batch.add(login(target, day, LocalTime.of(7, m), CALM_MS + m));
            }
            double u = stress.applyAsDouble(k);
            for (int m = 0; m < 45; m++) {
                double peak = m >= 8 && m <= 12 ? 1.0 : 0.95; // slowest around 7:55
                batch.add(login(target, day, LocalTime.of(7, 45).plusMinutes(m), CALM_MS / (1 - u * peak)));
            }
        }
        store.appendResults(batch);
        store.flush();
    }

    private static StepResult login(String target, LocalDate day, LocalTime at, double totalMs) {
        return Fixtures.ok(target, day.atTime(at).atZone(PARIS).toInstant(), "login", StepKind.LOGIN, 10, totalMs - 20);
    }

    private HeadroomForecaster forecaster(List<SpecialDay> special) {
        return new HeadroomForecaster(store, new ExpectedLoad(calendar, special), PARIS, ForecastSettings.DEFAULT);
    }

    @Test
    void aRushThatSlowsDownDayAfterDayIsAnnouncedAndASteadyOneIsNot() {
        mornings("ent-growth", 12, k -> 0.35 + 0.05 * k);
        mornings("ent-steady", 12, k -> 0.30 + 0.01 * (k % 2));
        LocalDate last = days.get(11);
        LocalDate next = days.get(12);
        HeadroomForecast growth = forecaster(List.of()).forecast("ent-growth", "C", last, next);
        HeadroomForecast steady = forecaster(List.of()).forecast("ent-steady", "C", last, next);

        assertThat(growth.risk()).isEqualTo(Risk.HIGH);
        assertThat(growth.prediction().trendPerWeek()).isPositive();
        assertThat(growth.prediction().probability()).isGreaterThan(steady.prediction().probability() + 0.3);
        assertThat(steady.risk()).isEqualTo(Risk.LOW);
        assertThat(next.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.THURSDAY);
        assertThat(ForecastWording.headline(growth)).isEqualTo("risque élevé de saturation jeudi 8:00");
        // the evidence names the slowest recent moment and the calm time, with French decimals
        assertThat(growth.evidence()).startsWith("à 7:5").contains("la connexion prenait déjà", "contre 0,3 s en période calme");
        assertThat(ForecastWording.uncertainty(growth)).startsWith("Ceci est une prévision statistique, pas une mesure")
                .contains("10 dernières matinées d'école", "Probabilité estimée", "intervalle à 90 %");
    }

    @Test
    void aDeclaredFirstDayOfDistanceLearningTipsAPlatformNearItsKnee() {
        mornings("ent-near", 12, k -> 0.55);
        LocalDate next = days.get(12);
        SpecialDay remote = new SpecialDay(next, "premier jour d'enseignement à distance",
                SpecialDay.Kind.DISTANCE_LEARNING, Set.of("C"), 2.0);
        HeadroomForecast ordinary = forecaster(List.of()).forecast("ent-near", "C", days.get(11), next);
        HeadroomForecast special = forecaster(List.of(remote)).forecast("ent-near", "C", days.get(11), next);
        HeadroomForecast otherZone = forecaster(List.of(remote)).forecast("ent-near", "A", days.get(11), next);

        assertThat(ordinary.risk()).isEqualTo(Risk.LOW);
        assertThat(special.risk()).isEqualTo(Risk.HIGH);
        assertThat(special.loadFactor()).isEqualTo(2.0);
        assertThat(special.reasons()).containsExactly("premier jour d'enseignement à distance");
        assertThat(ForecastWording.uncertainty(special)).contains("charge 2,0 fois celle d'un matin ordinaire");
        assertThat(otherZone.loadFactor()).isEqualTo(1.0);
    }

    @Test
    void theReturnFromHolidaysRaisesTheExpectedLoad() {
        ExpectedLoad load = new ExpectedLoad(calendar, List.of());
        assertThat(load.factor(LocalDate.of(2026, 11, 2), "C")).isEqualTo(ExpectedLoad.RETURN_FROM_HOLIDAYS);
        assertThat(load.factor(LocalDate.of(2026, 11, 3), "C")).isEqualTo(1.0);
        assertThat(load.nextSchoolDay(LocalDate.of(2026, 12, 18), "C")).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(load.factor(LocalDate.of(2027, 1, 4), "C")).isEqualTo(ExpectedLoad.RETURN_FROM_HOLIDAYS);
        // across the summer, the next school morning is the rentrée, a heavier one
        LocalDate rentree = load.nextSchoolDay(LocalDate.of(2026, 7, 3), "C");
        assertThat(rentree).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(load.factor(rentree, "C")).isEqualTo(ExpectedLoad.RETURN_FROM_HOLIDAYS);
    }

    @Test
    void tooShortAHistoryIsSaidPlainly() {
        mornings("ent-new", 2, k -> 0.9);
        HeadroomForecast f = forecaster(List.of()).forecast("ent-new", "C", days.get(1), days.get(2));
        assertThat(f.risk()).isEqualTo(Risk.UNKNOWN);
        assertThat(f.prediction()).isNull();
        assertThat(ForecastWording.headline(f)).endsWith("historique insuffisant");
    }
}
