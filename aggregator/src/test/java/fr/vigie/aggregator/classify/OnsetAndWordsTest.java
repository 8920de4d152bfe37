package fr.vigie.aggregator.classify;

import fr.vigie.aggregator.Status;
import fr.vigie.config.TargetKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Onset shape, school-rush timing, French wording and fleet correlation. */
class OnsetAndWordsTest {
    private static final DayTypes DAYS = new DayTypes(Map.of(), fr.vigie.config.calendar.SchoolCalendar.load());

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static RoundAssessment round(Instant start, double ttfbRatio, int failed) {
        RoundSignals s = new RoundSignals(start, 5, failed, RoundSignals.emptySymptoms(), Map.of(), 1, 0, 1, 0, 0,
                failed, 400, ttfbRatio, 1, 1, ttfbRatio, 20, 1, 100, 0, false, null, true, RoundSignals.emptySymptoms(),
                400 * ttfbRatio, 0, 0);
        return new RoundAssessment(s, failed > 0 ? Status.PARTIAL_OUTAGE : Status.OPERATIONAL, Map.of(), 0.9, false,
                false, 0, 0, false, List.of(), 0);
    }

    @Test
    void latencyClimbingBeforeTheFirstBadRoundIsARampInTheSchoolRush() {
        List<RoundAssessment> h = rampFrom(Instant.parse("2021-04-06T05:40:00Z")); // 07:40 in Paris, a Tuesday
        Onset onset = Onset.of(h, 5, PARIS, DAYS, "C");
        assertThat(onset.ramp()).isTrue();
        assertThat(onset.schoolRush()).isTrue();
        assertThat(onset.evidence(PARIS).fr()).isEqualTo("montée progressive depuis 07:44, pendant la pointe scolaire du matin");
        assertThat(onset.evidence(PARIS).en()).isEqualTo("gradual rise since 07:44, during the morning school rush");
    }

    @Test
    void theSameRampDuringTheSchoolHolidaysIsNotTheSchoolRush() {
        // 07:40 on a Tuesday of the spring 2021 holidays (all zones)
        Onset onset = Onset.of(rampFrom(Instant.parse("2021-04-13T05:40:00Z")), 5, PARIS, DAYS, "C");
        assertThat(onset.ramp()).isTrue();
        assertThat(onset.schoolRush()).isFalse();
    }

    /** Six rounds two minutes apart, TTFB climbing, the last one failing. */
    private static List<RoundAssessment> rampFrom(Instant t0) {
        List<RoundAssessment> h = new ArrayList<>();
        double[] ratios = {1.0, 1.0, 1.4, 1.8, 2.5, 3.5};
        for (int i = 0; i < ratios.length; i++) {
            h.add(round(t0.plus(Duration.ofMinutes(2L * i)), ratios[i], i == 5 ? 1 : 0));
        }
        return h;
    }

    @Test
    void aSuddenFaultAtAnOddHourIsAStep() {
        Instant t0 = Instant.parse("2021-04-06T13:00:00Z");
        List<RoundAssessment> h = List.of(round(t0, 1.0, 0), round(t0.plusSeconds(30), 1.0, 0),
                round(t0.plusSeconds(60), 9.0, 3));
        Onset onset = Onset.of(h, 2, PARIS, DAYS, "C");
        assertThat(onset.ramp()).isFalse();
        assertThat(onset.schoolRush()).isFalse();
        assertThat(onset.evidence(PARIS).fr()).isEqualTo("apparition brutale à 15:01");
    }

    @Test
    void figuresUseTheFrenchDecimalComma() {
        assertThat(Words.durationFr(4210)).isEqualTo("4,2 s");
        assertThat(Words.durationEn(4210)).isEqualTo("4.2 s");
        assertThat(Words.durationFr(38)).isEqualTo("38 ms");
        assertThat(Words.factorFr(14.2)).isEqualTo("14");
        assertThat(Words.factorFr(3.46)).isEqualTo("3,5");
    }

    @Test
    void controlTargetFailingOrNearlyAllUnreachableBlamesTheVantage() {
        Instant t = Instant.parse("2021-04-06T09:00:00Z");
        FleetView fleet = new FleetView(Duration.ofMinutes(10), 3);
        fleet.update("a", "g1", TargetKind.ENT, t, true, true, true);
        fleet.update("b", "g2", TargetKind.ENT, t, false, false, false);
        fleet.update("c", "g3", TargetKind.ENT, t, false, false, false);
        assertThat(fleet.vantageSuspected("a", TargetKind.ENT, true, true, t)).isFalse();

        fleet.update("b", "g2", TargetKind.ENT, t, true, true, true);
        fleet.update("c", "g3", TargetKind.ENT, t, true, true, true);
        assertThat(fleet.vantageSuspected("a", TargetKind.ENT, true, true, t)).isTrue();

        FleetView withControl = new FleetView(Duration.ofMinutes(10), 3);
        withControl.update("witness", null, TargetKind.CONTROL, t, true, true, true);
        withControl.update("a", "g1", TargetKind.ENT, t, true, true, true);
        withControl.update("b", "g2", TargetKind.ENT, t, true, true, true);
        assertThat(withControl.vantageSuspected("a", TargetKind.ENT, true, true, t)).isTrue();
        // A stale control failure from long ago says nothing now.
        assertThat(withControl.vantageSuspected("a", TargetKind.ENT, true, true, t.plus(Duration.ofHours(1))))
                .isFalse();
    }

    @Test
    void oneHostingGroupDownIsNotTheVantage() {
        Instant t = Instant.parse("2021-04-06T09:00:00Z");
        FleetView fleet = new FleetView(Duration.ofMinutes(10), 3);
        for (String id : List.of("a", "b", "c", "d")) {
            fleet.update(id, "same", TargetKind.ENT, t, true, true, true);
        }
        fleet.update("e", "other", TargetKind.ENT, t, false, false, false);
        assertThat(fleet.vantageSuspected("a", TargetKind.ENT, true, true, t)).isFalse();
        assertThat(fleet.affectedInGroup("same", t)).isEqualTo(4);
    }

    @Test
    void aLossyUplinkKeepsTheVantageSuspectUntilTheControlIsCleanForTheClosingRounds() {
        Instant t = Instant.parse("2021-04-06T09:00:00Z");
        FleetView fleet = new FleetView(Duration.ofMinutes(10), 3);
        fleet.update("witness", null, TargetKind.CONTROL, t, true, true, true);
        // The control answers in the next round: one clean round does not clear Vigie's own path...
        Instant next = t.plusSeconds(5);
        fleet.update("witness", null, TargetKind.CONTROL, next, false, false, false);
        fleet.update("a", "g1", TargetKind.ENT, next, true, false, true);
        assertThat(fleet.vantageSuspected("a", TargetKind.ENT, true, false, next))
                .as("one host failing beside the control's trouble is that host's fault").isFalse();
        fleet.update("b", "g2", TargetKind.ENT, next, true, false, true);
        assertThat(fleet.vantageSuspected("a", TargetKind.ENT, true, false, next))
                .as("services of two hosts timing out through a path that just lost packets: ours").isTrue();
        // ...nor does a round it passed only after resending its SYN.
        fleet.update("witness", null, TargetKind.CONTROL, next.plusSeconds(5), false, false, true);
        fleet.update("witness", null, TargetKind.CONTROL, next.plusSeconds(10), false, false, false);
        fleet.update("witness", null, TargetKind.CONTROL, next.plusSeconds(15), false, false, false);
        assertThat(fleet.vantageSuspected("a", TargetKind.ENT, true, false, next.plusSeconds(15))).isTrue();
        fleet.update("witness", null, TargetKind.CONTROL, next.plusSeconds(20), false, false, false);
        assertThat(fleet.vantageSuspected("a", TargetKind.ENT, true, false, next.plusSeconds(20)))
                .as("three clean control rounds in a row: the path is trusted again").isFalse();
    }

    @Test
    void oneControlFailingBesideAHealthyOneIsThatControlsOwnProblem() {
        Instant t = Instant.parse("2021-04-06T09:00:00Z");
        FleetView fleet = new FleetView(Duration.ofMinutes(10), 3);
        fleet.update("witness-1", null, TargetKind.CONTROL, t, true, true, true);
        fleet.update("witness-2", null, TargetKind.CONTROL, t, false, false, false);
        fleet.update("a", "g1", TargetKind.ENT, t, true, false, true);
        assertThat(fleet.vantageSuspected("a", TargetKind.ENT, true, false, t)).isFalse();
        assertThat(fleet.vantageSuspected("witness-1", TargetKind.CONTROL, true, true, t))
                .as("the failing control's own verdict stays vantage").isTrue();
    }

    @Test
    void servicesOfOneGroupFailingInTurnCountAsTheGroupOverTheEpisode() {
        Instant t = Instant.parse("2021-04-06T09:00:00Z");
        FleetView fleet = new FleetView(Duration.ofMinutes(10), 3);
        fleet.update("a", "route", TargetKind.ENT, t, true, true, true);
        fleet.update("b", "route", TargetKind.ENT, t, false, false, false);
        Instant later = t.plusSeconds(10);
        fleet.update("a", "route", TargetKind.ENT, later, false, false, false);
        fleet.update("b", "route", TargetKind.ENT, later, true, true, true);
        assertThat(fleet.affectedInGroup("route", later)).as("this round alone: only b").isEqualTo(1);
        assertThat(fleet.affectedInGroupSince("route", t, later)).as("since the episode began: a and b")
                .isEqualTo(2);
        assertThat(fleet.affectedInGroupSince("route", later, later)).isEqualTo(1);
    }
}
