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
        RoundSignals s = new RoundSignals(start, 5, failed, RoundSignals.emptySymptoms(), Map.of(), false, 1, 0, 1, 0, 0,
                failed, 400, ttfbRatio, 1, 1, ttfbRatio, 20, 1, 100, 0, false, null, true, RoundSignals.emptySymptoms(),
                400 * ttfbRatio);
        return new RoundAssessment(s, failed > 0 ? Status.PARTIAL_OUTAGE : Status.OPERATIONAL, Map.of(), 0.9, false,
                false, 0, 0, false, List.of());
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
        FleetView fleet = new FleetView(Duration.ofMinutes(10));
        fleet.update("a", "g1", TargetKind.ENT, t, true, true);
        fleet.update("b", "g2", TargetKind.ENT, t, false, false);
        fleet.update("c", "g3", TargetKind.ENT, t, false, false);
        assertThat(fleet.vantageSuspected("a", TargetKind.ENT, true, true, t)).isFalse();

        fleet.update("b", "g2", TargetKind.ENT, t, true, true);
        fleet.update("c", "g3", TargetKind.ENT, t, true, true);
        assertThat(fleet.vantageSuspected("a", TargetKind.ENT, true, true, t)).isTrue();

        FleetView withControl = new FleetView(Duration.ofMinutes(10));
        withControl.update("witness", null, TargetKind.CONTROL, t, true, true);
        withControl.update("a", "g1", TargetKind.ENT, t, true, true);
        assertThat(withControl.vantageSuspected("a", TargetKind.ENT, true, true, t)).isTrue();
        // A stale control failure from long ago says nothing now.
        assertThat(withControl.vantageSuspected("a", TargetKind.ENT, true, true, t.plus(Duration.ofHours(1))))
                .isFalse();
    }

    @Test
    void oneHostingGroupDownIsNotTheVantage() {
        Instant t = Instant.parse("2021-04-06T09:00:00Z");
        FleetView fleet = new FleetView(Duration.ofMinutes(10));
        for (String id : List.of("a", "b", "c", "d")) {
            fleet.update(id, "same", TargetKind.ENT, t, true, true);
        }
        fleet.update("e", "other", TargetKind.ENT, t, false, false);
        assertThat(fleet.vantageSuspected("a", TargetKind.ENT, true, true, t)).isFalse();
        assertThat(fleet.affectedInGroup("same", t)).isEqualTo(4);
    }
}
