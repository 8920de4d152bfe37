package fr.vigie.aggregator.forecast;

import java.time.LocalTime;

/**
 * The parts of a school morning the forecast compares: a calm moment before families log in, and the rush around
 * the first bell (the 7:00-8:00 reconnect storm seen in 2020-2021).
 */
public record MorningWindows(LocalTime calmFrom, LocalTime calmTo, LocalTime rushFrom, LocalTime rushTo,
                             LocalTime announced) {
    /** Calm 7:00-7:30, rush 7:45-8:30, announced as "8:00". */
    public static final MorningWindows SCHOOL = new MorningWindows(LocalTime.of(7, 0), LocalTime.of(7, 30),
            LocalTime.of(7, 45), LocalTime.of(8, 30), LocalTime.of(8, 0));

    boolean calm(LocalTime t) {
        return !t.isBefore(calmFrom) && t.isBefore(calmTo);
    }

    boolean rush(LocalTime t) {
        return !t.isBefore(rushFrom) && t.isBefore(rushTo);
    }
}
