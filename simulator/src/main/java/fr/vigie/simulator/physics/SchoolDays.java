package fr.vigie.simulator.physics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * School days of 2021-2022 common to the three holiday zones, from the rentrée (Monday 6 September 2021): weekdays
 * outside the Toussaint and Christmas holidays and the 11 November public holiday. Enough for 70 mornings.
 */
final class SchoolDays {
    private SchoolDays() {
    }

    static List<LocalDate> first(int count) {
        List<LocalDate> days = new ArrayList<>();
        LocalDate d = LocalDate.of(2021, 9, 6);
        while (days.size() < count) {
            boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
            boolean toussaint = !d.isBefore(LocalDate.of(2021, 10, 23)) && d.isBefore(LocalDate.of(2021, 11, 8));
            boolean christmas = !d.isBefore(LocalDate.of(2021, 12, 18)) && d.isBefore(LocalDate.of(2022, 1, 3));
            boolean armistice = d.equals(LocalDate.of(2021, 11, 11));
            if (!weekend && !toussaint && !christmas && !armistice) {
                days.add(d);
            }
            d = d.plusDays(1);
        }
        return days;
    }
}
