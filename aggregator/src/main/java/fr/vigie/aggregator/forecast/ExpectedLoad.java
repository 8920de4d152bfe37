package fr.vigie.aggregator.forecast;

import fr.vigie.config.SpecialDay;
import fr.vigie.config.calendar.SchoolCalendar;

import java.time.LocalDate;
import java.util.List;

/**
 * How heavy a school morning is expected to be against an ordinary one (1.0): the rentrée and every return from a
 * week or more of holidays (from the school calendar), and the special days the operator declared
 * ({@code calendar.special-days}); the heaviest applies.
 */
public final class ExpectedLoad {
    /** A return from holidays: every family logs in again and passwords are forgotten. */
    public static final double RETURN_FROM_HOLIDAYS = 1.3;

    private final SchoolCalendar calendar;
    private final List<SpecialDay> specialDays;

    public ExpectedLoad(SchoolCalendar calendar, List<SpecialDay> specialDays) {
        this.calendar = calendar;
        this.specialDays = List.copyOf(specialDays);
    }

    public double factor(LocalDate day, String zone) {
        double f = 1.0;
        if (calendar.isReturnFromHolidays(day, zone)) {
            f = RETURN_FROM_HOLIDAYS;
        }
        for (SpecialDay s : specialDays) {
            if (s.date().equals(day) && s.concerns(zone)) {
                f = Math.max(f, s.loadFactor());
            }
        }
        return f;
    }

    /** The declared special day on {@code day} for {@code zone}, if any (its name goes into the forecast's words). */
    public java.util.Optional<SpecialDay> special(LocalDate day, String zone) {
        return specialDays.stream().filter(s -> s.date().equals(day) && s.concerns(zone)).findFirst();
    }

    public boolean isSchoolDay(LocalDate day, String zone) {
        return calendar.isSchoolDay(day, zone);
    }

    public boolean isReturnFromHolidays(LocalDate day, String zone) {
        return calendar.isReturnFromHolidays(day, zone);
    }

    /** The next school day strictly after {@code day} (at most 120 days on: a summer). */
    public LocalDate nextSchoolDay(LocalDate day, String zone) {
        LocalDate d = day.plusDays(1);
        for (int i = 0; i < 120 && !calendar.isSchoolDay(d, zone); i++) {
            d = d.plusDays(1);
        }
        return d;
    }
}
