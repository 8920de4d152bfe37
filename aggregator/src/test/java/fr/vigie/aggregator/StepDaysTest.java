package fr.vigie.aggregator;

import fr.vigie.aggregator.store.MemoryStore;
import fr.vigie.config.StepKind;
import fr.vigie.probes.Outcome;
import fr.vigie.probes.StepResult;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-step daily figures: local days, what counts as an attempt, and a current day that does not stay stale. */
class StepDaysTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static StepResult result(String ts, String step, Outcome outcome, double ms) {
        Instant at = Instant.parse(ts);
        return new StepResult(at, at, "ent", "paris-1", "journey", "run-" + ts, step, StepKind.PAGE, outcome, 200,
                null, 1.0, 2.0, null, ms / 2, ms, 100, false, null, null, null);
    }

    @Test
    void aResultJustAfterMidnightInParisCountsForThatLocalDay() {
        MemoryStore store = new MemoryStore(true);
        store.appendResults(List.of(result("2021-04-05T21:59:00Z", "login", Outcome.OK, 100),
                result("2021-04-05T22:01:00Z", "login", Outcome.OK, 300)));
        List<StepDay> days = new StepDays(store, PARIS, 3, 60).of(List.of("ent"), Instant.parse("2021-04-06T10:00:00Z"))
                .get("ent");
        assertThat(days).extracting(StepDay::date)
                .containsExactly(LocalDate.parse("2021-04-05"), LocalDate.parse("2021-04-06"));
        assertThat(days).extracting(StepDay::medianMs).containsExactly(100.0, 300.0);
    }

    @Test
    void onlyStepsRunOutsideMaintenanceAndWithoutVigiesOwnFailureAreAttempts() {
        StepResult maintenance = new StepResult(Instant.parse("2021-04-06T08:00:00Z"), null, "ent", "v", "j", "r",
                "login", StepKind.LOGIN, Outcome.HTTP_ERROR, 503, null, null, null, null, null, 50.0, 0, true, null,
                null, null);
        List<StepDay> day = StepDays.compute(LocalDate.parse("2021-04-06"), List.of(maintenance,
                result("2021-04-06T08:01:00Z", "login", Outcome.SKIPPED, 0),
                result("2021-04-06T08:02:00Z", "login", Outcome.INTERNAL_ERROR, 10),
                result("2021-04-06T08:03:00Z", "login", Outcome.RESPONSE_TIMEOUT, 20_000),
                result("2021-04-06T08:04:00Z", "login", Outcome.OK, 400),
                result("2021-04-06T08:05:00Z", "login", Outcome.OK, 600)));
        assertThat(day).containsExactly(new StepDay(LocalDate.parse("2021-04-06"), "login", 3, 2, 500, 580));
        assertThat(day.get(0).availability()).isEqualTo(2 / 3.0);
    }

    @Test
    void theCurrentDayIsReadAgainOnceItsFiguresAreTenMinutesOld() {
        MemoryStore store = new MemoryStore(true);
        store.appendResults(List.of(result("2021-04-06T08:00:00Z", "login", Outcome.OK, 100)));
        StepDays steps = new StepDays(store, PARIS, 1, 60);
        Instant now = Instant.parse("2021-04-06T08:30:00Z");
        assertThat(steps.of(List.of("ent"), now).get("ent")).extracting(StepDay::attempts).containsExactly(1);
        store.appendResults(List.of(result("2021-04-06T08:31:00Z", "login", Outcome.OK, 100)));
        assertThat(steps.of(List.of("ent"), now.plusSeconds(60)).get("ent"))
                .as("within 10 minutes: the figures computed").extracting(StepDay::attempts).containsExactly(1);
        assertThat(steps.of(List.of("ent"), now.plus(StepDays.REFRESH)).get("ent")).extracting(StepDay::attempts)
                .containsExactly(2);
    }

    @Test
    void eachCallReadsAtMostItsBudgetOfFinishedDaysNewestFirstAcrossTargets() {
        MemoryStore store = new MemoryStore(true);
        for (String day : List.of("03", "04", "05")) {
            for (String target : List.of("ent", "cned")) {
                Instant at = Instant.parse("2021-04-" + day + "T08:00:00Z");
                store.appendResults(List.of(new StepResult(at, at, target, "v", "j", "r" + day, "login",
                        StepKind.LOGIN, Outcome.OK, 200, null, null, null, null, null, 100.0, 0, false, null, null,
                        null)));
            }
        }
        StepDays steps = new StepDays(store, PARIS, 5, 3);
        Instant now = Instant.parse("2021-04-06T10:00:00Z");
        Map<String, List<StepDay>> first = steps.of(List.of("ent", "cned"), now);
        assertThat(first.get("ent")).extracting(StepDay::date).containsExactly(LocalDate.parse("2021-04-04"),
                LocalDate.parse("2021-04-05"));
        assertThat(first.get("cned")).extracting(StepDay::date).containsExactly(LocalDate.parse("2021-04-05"));
        Map<String, List<StepDay>> second = steps.of(List.of("ent", "cned"), now);
        assertThat(second.get("ent")).hasSize(3);
        assertThat(second.get("cned")).extracting(StepDay::date).containsExactly(LocalDate.parse("2021-04-03"),
                LocalDate.parse("2021-04-04"), LocalDate.parse("2021-04-05"));
    }
}
