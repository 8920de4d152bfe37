package fr.vigie.config.calendar;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * How far the school-holiday data reaches, seen from one day: after {@link #lastKnownDay()} every weekday that is
 * not a public holiday counts as a school day, which is wrong for holidays, so operators are warned ahead.
 *
 * @param state       {@code ok}, {@code ending} (within the warning window) or {@code expired}
 * @param daysLeft    days from {@code today} to the last known day (negative once expired)
 */
public record CalendarCoverage(State state, LocalDate today, LocalDate lastKnownDay, long daysLeft, String source) {
    /** Weeks before the end of the data that operators are warned (logs, /readyz detail, admin health). */
    public static final int DEFAULT_WARN_DAYS = 60;

    public enum State { OK, ENDING, EXPIRED }

    public static CalendarCoverage of(SchoolCalendar calendar, LocalDate today, int warnDays) {
        long left = ChronoUnit.DAYS.between(today, calendar.lastKnownDay());
        State state = left < 0 ? State.EXPIRED : left <= warnDays ? State.ENDING : State.OK;
        return new CalendarCoverage(state, today, calendar.lastKnownDay(), left, calendar.source());
    }

    public boolean ok() {
        return state == State.OK;
    }

    /** One line for logs and the health pages (English, like the other operator messages). */
    public String message() {
        return switch (state) {
            case OK -> "school calendar known until " + lastKnownDay + " (" + source + ")";
            case ENDING -> "school calendar data ends on " + lastKnownDay + " (in " + daysLeft + " days, " + source
                    + "): import the ministry's fr-en-calendrier-scolaire export (vigie calendar import FILE) and set"
                    + " calendar.holidays-file, or every weekday after it counts as a school day";
            case EXPIRED -> "school calendar data ended on " + lastKnownDay + " (" + (-daysLeft) + " days ago, " + source
                    + "): every weekday is now counted as a school day, holidays included; import the ministry's"
                    + " fr-en-calendrier-scolaire export (vigie calendar import FILE) and set calendar.holidays-file";
        };
    }
}
