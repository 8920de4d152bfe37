package fr.vigie.config.calendar;

import fr.vigie.config.CalendarConfig;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchoolCalendarTest {
    private final SchoolCalendar calendar = SchoolCalendar.load();

    @Test
    void sixthOfApril2021WasASchoolDayInEveryZoneDespiteRemoteLearning() {
        LocalDate day = LocalDate.of(2021, 4, 6);
        assertThat(calendar.isSchoolDay(day, "C")).isTrue();
        assertThat(calendar.isSchoolDay(day, "A")).isTrue();
        assertThat(calendar.isSchoolDay(day, "B")).isTrue();
        // the day before was Easter Monday
        assertThat(calendar.isPublicHoliday(LocalDate.of(2021, 4, 5))).isTrue();
        assertThat(calendar.isSchoolDay(LocalDate.of(2021, 4, 5), "C")).isFalse();
    }

    @Test
    void springHolidaysWereUnifiedForAllZonesIn2021() {
        for (String zone : List.of("A", "B", "C")) {
            assertThat(calendar.isSchoolDay(LocalDate.of(2021, 4, 12), zone)).as(zone).isFalse();
            assertThat(calendar.holiday(LocalDate.of(2021, 4, 23), zone)).as(zone).contains("Printemps");
            assertThat(calendar.isSchoolDay(LocalDate.of(2021, 4, 26), zone)).as(zone).isTrue();
        }
        assertThat(calendar.isSchoolDay(LocalDate.of(2021, 4, 12), null)).isFalse();
    }

    @Test
    void winterHolidaysDifferByZone() {
        LocalDate day = LocalDate.of(2024, 2, 12);
        assertThat(calendar.holiday(day, "C")).contains("Hiver");
        assertThat(calendar.isSchoolDay(day, "A")).isTrue();
        assertThat(calendar.isSchoolDay(day, "B")).isTrue();
        // a national service has school days as long as one zone does
        assertThat(calendar.isSchoolDay(day, null)).isTrue();
    }

    @Test
    void summerAndWeekendsAreNotSchoolDays() {
        assertThat(calendar.holiday(LocalDate.of(2022, 8, 1), "A")).contains("Été");
        assertThat(calendar.isSchoolDay(LocalDate.of(2022, 8, 31), "A")).isFalse();
        assertThat(calendar.isSchoolDay(LocalDate.of(2022, 9, 1), "A")).isTrue();
        assertThat(calendar.isSchoolDay(LocalDate.of(2027, 8, 2), "B")).isFalse();
        assertThat(calendar.isSchoolDay(LocalDate.of(2021, 4, 10), "C")).isFalse();
    }

    @Test
    void publicHolidaysAreComputedIncludingTheEasterBasedOnes() {
        assertThat(calendar.isPublicHoliday(LocalDate.of(2021, 7, 14))).isTrue();
        assertThat(PublicHolidays.name(LocalDate.of(2025, 7, 14))).contains("Fête nationale");
        assertThat(PublicHolidays.easterSunday(2021)).isEqualTo(LocalDate.of(2021, 4, 4));
        assertThat(PublicHolidays.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(PublicHolidays.name(LocalDate.of(2021, 5, 13))).contains("Ascension");
        assertThat(PublicHolidays.name(LocalDate.of(2021, 5, 24))).contains("Lundi de Pentecôte");
        assertThat(calendar.isPublicHoliday(LocalDate.of(2021, 4, 6))).isFalse();
        // Friday after Ascension is a school holiday ("pont"), not a public holiday
        assertThat(calendar.isPublicHoliday(LocalDate.of(2021, 5, 14))).isFalse();
        assertThat(calendar.isSchoolDay(LocalDate.of(2021, 5, 14), "A")).isFalse();
    }

    @Test
    void outsideTheShippedYearsWeekdaysCountAsSchoolDays() {
        assertThat(calendar.firstKnownDay()).isEqualTo(LocalDate.of(2020, 9, 1));
        assertThat(calendar.lastKnownDay()).isEqualTo(LocalDate.of(2027, 8, 31));
        assertThat(calendar.isSchoolDay(LocalDate.of(2019, 3, 5), "A")).isTrue();
        assertThatThrownBy(() -> calendar.isSchoolDay(LocalDate.of(2021, 4, 6), "D"))
                .hasMessageContaining("A, B or C");
    }

    @Test
    void aScheduleCalendarHonoursItsZonePublicHolidaysAndExcludedDates() {
        CalendarConfig zoneC = new CalendarConfig("zone-c", "C", true, List.of(LocalDate.of(2021, 4, 7)));
        assertThat(calendar.isOpenDay(LocalDate.of(2021, 4, 6), zoneC)).isTrue();
        assertThat(calendar.isOpenDay(LocalDate.of(2021, 4, 7), zoneC)).isFalse();
        assertThat(calendar.isOpenDay(LocalDate.of(2021, 4, 12), zoneC)).isFalse();
        CalendarConfig everyDay = new CalendarConfig("all", null, false, List.of());
        assertThat(calendar.isOpenDay(LocalDate.of(2021, 7, 14), everyDay)).isTrue();
        assertThat(calendar.isOpenDay(LocalDate.of(2021, 4, 10), everyDay)).isTrue();
    }
}
