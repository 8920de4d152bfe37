package fr.vigie.scoring;

import fr.vigie.aggregator.Quantiles;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The scoring arithmetic on tiny hand-made timelines, each figure worked out by hand in the comments. */
class ScorerTest {
    private static final Instant T0 = Instant.parse("2021-04-06T06:00:00Z");
    private final Scorer scorer = new Scorer(ScoringOptions.defaults());

    private static Instant t(long seconds) {
        return T0.plusSeconds(seconds);
    }

    private static VerdictPoint v(long s, String target, String status, String... causes) {
        return new VerdictPoint(t(s), target, status, Set.of(causes));
    }

    @Test
    void aPerfectClassifierScoresOne() {
        List<TruthSegment> truth = List.of(new TruthSegment("ent-a", "saturation", t(60), t(180)));
        List<VerdictPoint> verdicts = List.of(
                v(0, "ent-a", "operational"), v(70, "ent-a", "degraded_performance", "saturation"),
                v(190, "ent-a", "operational"), v(0, "control", "operational"));

        ScoreReport r = scorer.score(truth, verdicts);

        assertThat(r.perCause()).containsExactly(new CauseScore("saturation", 1, 1, 1, 1));
        assertThat(r.macroF1()).isEqualTo(1.0);
        assertThat(r.detectionDelays()).containsExactly(Duration.ofSeconds(10));
        assertThat(r.classificationDelays()).containsExactly(Duration.ofSeconds(10));
        assertThat(r.missed()).isEmpty();
        assertThat(r.falseAlarms()).isZero();
        // horizon 0..190: ent-a is fault-free on [0,60) = 60 s (60..190 is the fault plus grace), control 190 s
        assertThat(r.faultFree()).isEqualTo(Duration.ofSeconds(250));
        assertThat(r.flaps()).isZero();
        assertThat(r.targets()).isEqualTo(2);
    }

    @Test
    void wrongCausesMissesFalseAlarmsAndFlapsAreCounted() {
        List<TruthSegment> truth = List.of(
                new TruthSegment("cned", "attack", t(100), t(200)),
                new TruthSegment("ent-b", "storage", t(50), t(150)));
        List<VerdictPoint> verdicts = List.of(
                v(0, "cned", "operational"),
                v(110, "cned", "major_outage", "network"),
                v(115, "cned", "operational"),
                v(120, "cned", "major_outage", "attack"),
                v(210, "cned", "operational"),
                v(0, "ent-b", "operational"),
                v(300, "ent-b", "partial_outage", "saturation"),
                v(320, "ent-b", "operational"));

        ScoreReport r = scorer.score(truth, verdicts);

        // saturation: one alarm, no truth -> P 0; attack: perfect; storage: missed, no alarm; network: one wrong alarm
        assertThat(r.perCause()).containsExactly(
                new CauseScore("saturation", 0, 0, 1, 0),
                new CauseScore("attack", 1, 1, 1, 1),
                new CauseScore("storage", 1, 0, 0, 0),
                new CauseScore("network", 0, 0, 1, 0));
        assertThat(r.macroF1()).isCloseTo(0.25, within(1e-9));
        // cned: first alarm at 110 (network) = 10 s, first correct cause at 120 = 20 s; ent-b never detected
        assertThat(r.detectionDelays()).containsExactly(Duration.ofSeconds(10));
        assertThat(r.classificationDelays()).containsExactly(Duration.ofSeconds(20));
        assertThat(r.missed()).extracting(TruthSegment::target).containsExactly("ent-b");
        // ent-b's alarm at 300 starts after its storage fault's end + 60 s grace (210): a false alarm
        assertThat(r.falseAlarms()).isEqualTo(1);
        // horizon 0..320; each target is covered 160 s (cned 100..260, ent-b 50..210): 2 x 160 s fault-free
        assertThat(r.faultFree()).isEqualTo(Duration.ofSeconds(320));
        assertThat(r.falseAlarmsPerTargetDay()).isCloseTo(1 / (320 / 86_400.0), within(1e-6));
        // cned: 110 down then 115 back up (reverted in 5 s), 115 up then 120 down again (5 s): two flaps;
        // 120 down -> 210 up took 90 s > 30 s flap window: not a flap
        assertThat(r.flaps()).isEqualTo(2);
        assertThat(r.flapsPerIncident()).isEqualTo(1.0);
    }

    @Test
    void anAlarmAlreadyOnWhenTheFaultStartsHasZeroDelayAndAdjacentStatesMergeIntoOneAlarm() {
        List<TruthSegment> truth = List.of(new TruthSegment("ent-a", "saturation", t(60), t(120)));
        List<VerdictPoint> verdicts = List.of(
                v(50, "ent-a", "degraded_performance", "saturation"),
                v(80, "ent-a", "partial_outage", "saturation", "attack"),
                v(130, "ent-a", "operational"));

        ScoreReport r = scorer.score(truth, verdicts);

        assertThat(r.classificationDelays()).containsExactly(Duration.ZERO);
        // 50..130 is one saturation alarm run (two verdicts), and one attack run 80..130 with no attack truth
        assertThat(r.perCause()).containsExactly(
                new CauseScore("saturation", 1, 1, 1, 1),
                new CauseScore("attack", 0, 0, 1, 0));
        // the alarm run started at 50, before the fault (horizon starts at 50, fault-free 50..60): a false alarm
        assertThat(r.falseAlarms()).isEqualTo(1);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(Quantiles.median(List.of(Duration.ofSeconds(50), Duration.ofSeconds(10), Duration.ofSeconds(40),
                Duration.ofSeconds(20)))).isEqualTo(Duration.ofSeconds(30));
        assertThat(ScoreReport.worst(List.of(Duration.ofSeconds(5), Duration.ofSeconds(7)))).isEqualTo(Duration.ofSeconds(7));
        assertThat(Quantiles.median(List.<Duration>of())).isNull();
    }

    @Test
    void f1TreatsAnUndefinedSideAsZero() {
        assertThat(new CauseScore("storage", 2, 1, 4, 3).f1()).isCloseTo(2 * 0.75 * 0.5 / 1.25, within(1e-9));
        assertThat(new CauseScore("storage", 0, 0, 3, 0).f1()).isZero();
        assertThat(new CauseScore("storage", 2, 0, 0, 0).precision()).isNaN();
    }
}
