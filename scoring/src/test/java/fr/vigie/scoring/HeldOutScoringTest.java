package fr.vigie.scoring;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The held-out measures (issue 13) on small hand-made timelines; every expected figure is worked out alongside. */
class HeldOutScoringTest {
    private static final Instant T0 = Instant.parse("2021-09-06T06:00:00Z");
    private final Scorer scorer = new Scorer(ScoringOptions.defaults());

    private static Instant t(long seconds) {
        return T0.plusSeconds(seconds);
    }

    private static VerdictPoint v(long s, String target, String status, String... causes) {
        return new VerdictPoint(t(s), target, status, Set.of(causes));
    }

    @Test
    void falseAlarmsAreCountedPerFaultFreeTargetMorning() {
        // ent-a has a fault; ent-b and ent-c none: 2 fault-free target-mornings, ent-b has two alarm runs
        List<TruthSegment> truth = List.of(new TruthSegment("ent-a", "attack", t(100), t(200)));
        List<VerdictPoint> verdicts = List.of(
                v(0, "ent-a", "operational"), v(110, "ent-a", "major_outage", "attack"), v(210, "ent-a", "operational"),
                v(0, "ent-b", "operational"), v(50, "ent-b", "degraded_performance", "saturation"),
                v(60, "ent-b", "operational"), v(400, "ent-b", "partial_outage", "attack"),
                v(410, "ent-b", "operational"), v(0, "ent-c", "operational"));

        ScoreReport r = scorer.score(truth, verdicts);

        assertThat(r.heldOut().faultFreeTargetMornings()).isEqualTo(2);
        assertThat(r.heldOut().falseAlarmsFaultFree()).isEqualTo(2);
        assertThat(r.heldOut().falseAlarmsPerFaultFreeTargetMorning()).isEqualTo(1.0);
        // published: attack on ent-a (right), saturation and attack on ent-b (wrong): 2 of 3
        assertThat(r.publishedCauses()).isEqualTo(3);
        assertThat(r.publishedWrong()).isEqualTo(2);
        assertThat(r.publishedWrongShare()).isCloseTo(2 / 3.0, within(1e-9));
        // confusion: ent-a's attack named attack; the two runs outside faults by their cause
        assertThat(r.heldOut().confusion("attack", "attack")).isEqualTo(1);
        assertThat(r.heldOut().confusion(HeldOut.NO_FAULT, "saturation")).isEqualTo(1);
        assertThat(r.heldOut().confusion(HeldOut.NO_FAULT, "attack")).isEqualTo(1);
    }

    @Test
    void aWithheldCauseIsCountedApartNeitherCorrectNorPublished() {
        List<TruthSegment> truth = List.of(new TruthSegment("ent-a", "storage", t(100), t(200)));
        List<VerdictPoint> verdicts = List.of(
                v(0, "ent-a", "operational"),
                v(110, "ent-a", "partial_outage", "unknown"),    // withheld during the fault
                v(210, "ent-a", "operational"),
                v(0, "ent-b", "operational"),
                v(500, "ent-b", "degraded_performance", "unknown"), // withheld outside any fault
                v(520, "ent-b", "operational"));

        ScoreReport r = scorer.score(truth, verdicts);

        assertThat(r.heldOut().withheld()).isEqualTo(2);
        assertThat(r.heldOut().withheldDuringFaults()).isEqualTo(1);
        // not correct: the storage segment is missed; not published: no wrong cause either
        assertThat(r.missed()).extracting(TruthSegment::cause).containsExactly("storage");
        assertThat(r.publishedCauses()).isZero();
        assertThat(r.publishedWrongShare()).isNaN();
        // yet it was detected (a non-operational verdict) 10 s in, and the confusion says "unknown"
        assertThat(r.detectionDelays()).containsExactly(Duration.ofSeconds(10));
        assertThat(r.heldOut().confusion("storage", HeldOut.UNKNOWN)).isEqualTo(1);
        assertThat(r.heldOut().confusion(HeldOut.NO_FAULT, HeldOut.UNKNOWN)).isEqualTo(1);
    }

    @Test
    void detectionDelayCountsFromTheFirstVisibleEffectInSecondsAndRounds() {
        // fault from 100, first visible at 130 (a DNS cache expiring), alarm at 140: 10 s = 2 rounds of 5 s;
        // second target: visible at 300, alarm already on since 290 -> 0 s
        List<TruthSegment> truth = List.of(
                new TruthSegment("ent-a", "network", t(100), t(200), t(130), false),
                new TruthSegment("ent-b", "attack", t(280), t(400), t(300), false));
        List<VerdictPoint> verdicts = List.of(
                v(0, "ent-a", "operational"), v(140, "ent-a", "major_outage", "network"), v(230, "ent-a", "operational"),
                v(0, "ent-b", "operational"), v(290, "ent-b", "partial_outage", "attack"), v(420, "ent-b", "operational"));

        ScoreReport r = scorer.score(truth, verdicts);

        assertThat(r.heldOut().effectDelays()).containsExactly(Duration.ofSeconds(10), Duration.ZERO);
        assertThat(r.heldOut().medianEffectDelay()).isEqualTo(Duration.ofSeconds(5));
        assertThat(r.heldOut().medianEffectDelayRounds()).isEqualTo(1.0);
        // the old delay still counts from the start: 40 s and 10 s
        assertThat(r.detectionDelays()).containsExactly(Duration.ofSeconds(40), Duration.ofSeconds(10));
    }

    @Test
    void confusionNamesTheCauseHeldLongestAndNoneWhenNothingWasSaid() {
        List<TruthSegment> truth = List.of(
                new TruthSegment("ent-a", "network", t(100), t(200)),
                new TruthSegment("ent-c", "storage", t(100), t(200)));
        List<VerdictPoint> verdicts = List.of(
                v(0, "ent-a", "operational"),
                v(105, "ent-a", "major_outage", "attack"),     // 10 s of attack
                v(115, "ent-a", "major_outage", "network"),    // then 80 s of network
                v(195, "ent-a", "operational"),
                v(0, "ent-c", "operational"));

        ScoreReport r = scorer.score(truth, verdicts);

        assertThat(r.heldOut().confusion("network", "network")).isEqualTo(1);
        assertThat(r.heldOut().confusion("network", "attack")).isZero();
        assertThat(r.heldOut().confusion("storage", HeldOut.NOTHING)).isEqualTo(1);
        // the 105..115 attack then 115..195 network are one alarm, two cause runs: the attack run is a wrong cause
        assertThat(r.publishedWrong()).isEqualTo(1);
        assertThat(r.publishedCauses()).isEqualTo(2);
    }

    @Test
    void vantageIsNamedWithAnOperationalStatusAndIsNeitherAnAlarmNorAPublishedCause() {
        List<TruthSegment> truth = List.of(
                new TruthSegment("ent-a", "vantage", t(100), t(160), t(101), false),
                new TruthSegment("controle", "vantage", t(100), t(160), t(102), false));
        List<VerdictPoint> verdicts = List.of(
                v(0, "ent-a", "operational"), v(106, "ent-a", "operational", "vantage"), v(170, "ent-a", "operational"),
                v(0, "controle", "operational"), v(107, "controle", "operational", "vantage"),
                v(170, "controle", "operational"), v(0, "ent-b", "operational"));

        ScoreReport r = scorer.score(truth, verdicts);

        assertThat(r.perCause()).containsExactly(new CauseScore("vantage", 2, 2, 2, 2));
        assertThat(r.macroF1()).isEqualTo(1.0);
        assertThat(r.heldOut().effectDelays()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertThat(r.falseAlarms()).isZero();
        assertThat(r.publishedCauses()).isZero();
        assertThat(r.heldOut().confusion("vantage", "vantage")).isEqualTo(2);
        assertThat(r.heldOut().faultFreeTargetMornings()).isEqualTo(1);   // ent-b
    }

    @Test
    void aSegmentWithNoVisibleEffectIsNotScoredButItsTimeIsNoFalseAlarm() {
        List<TruthSegment> truth = List.of(
                new TruthSegment("ent-a", "network", t(100), t(200), null, true),
                new TruthSegment("ent-b", "attack", t(100), t(200)));
        List<VerdictPoint> verdicts = List.of(
                v(0, "ent-a", "operational"), v(150, "ent-a", "major_outage", "network"), v(190, "ent-a", "operational"),
                v(0, "ent-b", "operational"), v(120, "ent-b", "major_outage", "attack"), v(220, "ent-b", "operational"));

        ScoreReport r = scorer.score(truth, verdicts);

        assertThat(r.incidents()).isEqualTo(1);
        assertThat(r.heldOut().invisibleSegments()).isEqualTo(1);
        assertThat(r.missed()).isEmpty();
        assertThat(r.falseAlarms()).isZero();
        assertThat(r.heldOut().faultFreeTargetMornings()).isZero();
    }

    @Test
    void mergingAddsCountsAndConfusionCells() {
        ScoreReport a = scorer.score(List.of(new TruthSegment("x", "attack", t(0), t(100))),
                List.of(v(10, "x", "major_outage", "attack"), v(110, "x", "operational"), v(0, "y", "operational")));
        ScoreReport b = scorer.score(List.of(new TruthSegment("x", "attack", t(0), t(100))),
                List.of(v(10, "x", "major_outage", "unknown"), v(110, "x", "operational"),
                        v(0, "y", "operational"), v(20, "y", "degraded_performance", "saturation"),
                        v(30, "y", "operational")));

        ScoreReport m = SuiteScorer.merge(List.of(a, b), Duration.ofSeconds(5));

        assertThat(m.heldOut().confusion("attack", "attack")).isEqualTo(1);
        assertThat(m.heldOut().confusion("attack", HeldOut.UNKNOWN)).isEqualTo(1);
        assertThat(m.heldOut().faultFreeTargetMornings()).isEqualTo(2);
        assertThat(m.heldOut().falseAlarmsPerFaultFreeTargetMorning()).isEqualTo(0.5);
        assertThat(m.heldOut().withheld()).isEqualTo(1);
        assertThat(m.heldOut().effectDelays()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(10));
        assertThat(m.render()).contains("false alarms per fault-free target-morning: 1 on 2 = 0.50")
                .contains("published causes not the injected one: 1 of 2 = 50.0 %")
                .contains("withheld causes (unknown, \"cause en cours d'analyse\"): 1 runs, 1 during faults")
                .contains("detection delay from the first visible effect: median 10.0 s = 2.00 probe rounds of 5.0 s")
                .contains("flaps per fault segment: 0.00");
        assertThat(CompareMain.table(List.of("a", "b"), List.of(a, m)))
                .contains("| macro-F1 over causes | 1.00 | 0.33 | ≥ 0.95 |")
                .contains("| detection delay, median, from the first visible effect | 10 s = 2.0 rounds | 10 s = 2.0 rounds |");
    }
}
