package fr.vigie.aggregator.classify;

import fr.vigie.aggregator.Evidence;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The shape of a degradation's start: a ramp (latency climbing over several rounds, typical of load) or a step
 * (sudden, typical of a fault or an attack), and whether it falls in the morning school rush.
 *
 * @param ramp       latency climbed for at least {@link #RAMP_ROUNDS} rounds before the first bad round
 * @param since      start of the ramp, or the first bad round
 * @param schoolRush inside the 07:00-09:30 local rush of a school day
 */
record Onset(boolean ramp, Instant since, boolean schoolRush) {
    static final int RAMP_ROUNDS = 2;
    /** A round counts as "rising" above 1.3x the usual TTFB. */
    static final double RISING_RATIO = 1.3;
    private static final LocalTime RUSH_START = LocalTime.of(7, 0);
    private static final LocalTime RUSH_END = LocalTime.of(9, 30);

    /** @param history oldest first; {@code firstBad} is the index of the episode's first bad round */
    static Onset of(List<RoundAssessment> history, int firstBad, ZoneId zone, DayTypes days, String holidayZone) {
        Instant firstBadTs = history.get(firstBad).signals().start();
        int j = firstBad;
        while (j > 0) {
            RoundSignals prev = history.get(j - 1).signals();
            double ratio = prev.ttfbRatio();
            if (Double.isNaN(ratio) || ratio < RISING_RATIO || prev.failed() > 0) {
                break;
            }
            j--;
        }
        boolean ramp = firstBad - j >= RAMP_ROUNDS;
        Instant since = ramp ? history.get(j).signals().start() : firstBadTs;
        ZonedDateTime local = since.atZone(zone);
        LocalTime t = local.toLocalTime();
        boolean rush = days.schoolDay(local.toLocalDate(), holidayZone) && !t.isBefore(RUSH_START) && t.isBefore(RUSH_END);
        return new Onset(ramp, since, rush);
    }

    Evidence evidence(ZoneId zone) {
        String clock = Words.clock(since, zone);
        String fr = ramp ? "montée progressive depuis " + clock : "apparition brutale à " + clock;
        String en = ramp ? "gradual rise since " + clock : "sudden onset at " + clock;
        if (schoolRush) {
            fr += ", pendant la pointe scolaire du matin";
            en += ", during the morning school rush";
        }
        return Words.of(fr, en);
    }
}
