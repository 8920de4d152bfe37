package fr.vigie.config.calendar;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ministry's "fr-en-calendrier-scolaire" export, JSON and CSV, read into school days. */
class MinistryCalendarImportTest {
    static Path sample(String name) {
        try {
            return Path.of(MinistryCalendarImportTest.class.getResource("/calendar/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theExportOf2026To2027GivesTheSameSchoolDaysAsTheShippedFile() {
        SchoolCalendar shipped = SchoolCalendar.load();
        SchoolCalendar imported = SchoolCalendar.withFile(sample("fr-en-calendrier-scolaire.json"));
        int compared = 0;
        for (LocalDate d = LocalDate.of(2026, 9, 1); d.isBefore(LocalDate.of(2027, 8, 31)); d = d.plusDays(1)) {
            for (String zone : List.of("A", "B", "C")) {
                assertThat(imported.isSchoolDay(d, zone)).as(d + " zone " + zone).isEqualTo(shipped.isSchoolDay(d, zone));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(1000);
        assertThat(imported.holiday(LocalDate.of(2027, 2, 15), "A")).contains("Hiver");
        assertThat(imported.holiday(LocalDate.of(2027, 5, 7), "C")).contains("Pont de l'Ascension");
    }

    @Test
    void theNextYearIsKnownOnceImportedWhereTheShippedDataSaysSchoolDay() {
        LocalDate toussaint2027 = LocalDate.of(2027, 10, 25);
        assertThat(SchoolCalendar.load().isSchoolDay(toussaint2027, "A")).isTrue(); // the silent fallback
        SchoolCalendar imported = SchoolCalendar.withFile(sample("fr-en-calendrier-scolaire.json"));
        assertThat(imported.isSchoolDay(toussaint2027, "A")).isFalse();
        assertThat(imported.holiday(toussaint2027, "B")).contains("Toussaint");
        assertThat(imported.isSchoolDay(LocalDate.of(2027, 11, 8), "A")).isTrue();
        // winter 2028 differs by zone
        assertThat(imported.isSchoolDay(LocalDate.of(2028, 2, 14), "A")).isFalse();
        assertThat(imported.isSchoolDay(LocalDate.of(2028, 2, 14), "B")).isTrue();
        // the open-ended last summer runs to the end of August
        assertThat(imported.lastKnownDay()).isEqualTo(LocalDate.of(2028, 8, 31));
        assertThat(imported.source()).contains("fr-en-calendrier-scolaire.json");
        // the teachers' line, Corsica and Guadeloupe are not read as zone A/B/C holidays
        assertThat(imported.isSchoolDay(LocalDate.of(2026, 9, 1), "A")).isTrue();
    }

    @Test
    void theCsvExportWithFrenchLabelsReadsLikeTheJson() throws IOException {
        ImportedCalendar json = ImportedCalendar.of(MinistryCalendarReader.read(sample("fr-en-calendrier-scolaire.json")).records());
        MinistryCalendarReader.Result csv = MinistryCalendarReader.read(sample("fr-en-calendrier-scolaire.csv"));
        assertThat(csv.errors()).isEmpty();
        assertThat(ImportedCalendar.of(csv.records())).isEqualTo(json);
        assertThat(json.periods()).hasSizeGreaterThan(15);
        assertThat(json.schoolYears()).containsExactlyInAnyOrder("2026-2027", "2027-2028");
    }

    @Test
    void returnFromHolidaysIsTheFirstSchoolDayAfterAWeekOff() {
        SchoolCalendar imported = SchoolCalendar.withFile(sample("fr-en-calendrier-scolaire.json"));
        LocalDate rentree2027 = LocalDate.of(2027, 9, 1);
        assertThat(rentree2027.getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);
        assertThat(imported.isReturnFromHolidays(rentree2027, "C")).isTrue();
        assertThat(imported.isReturnFromHolidays(LocalDate.of(2027, 11, 8), "A")).isTrue();
        assertThat(imported.isReturnFromHolidays(LocalDate.of(2027, 11, 9), "A")).isFalse();
        // a Monday after an ordinary weekend is not a return from holidays
        assertThat(imported.isReturnFromHolidays(LocalDate.of(2027, 11, 15), "A")).isFalse();
    }

    @Test
    void everyBadLineIsNamedAndNothingIsSkippedSilently() {
        MinistryCalendarReader.Result r = MinistryCalendarReader.parse("""
                [{"description": "Vacances de Noël", "population": "-", "start_date": "2027-12-18T23:00:00+00:00",
                  "end_date": "2028-01-02T23:00:00+00:00", "location": "Paris", "zones": "Zone C", "annee_scolaire": "2027-2028"},
                 {"description": "Vacances d'Hiver", "start_date": "le 12 février", "zones": "Zone A"},
                 {"description": "Vacances de Printemps", "start_date": "2028-04-08", "end_date": "2028-04-01", "zones": "Zone A"},
                 {"start_date": "2028-04-08", "zones": "Zone A"}]
                """);
        assertThat(r.records()).hasSize(1);
        assertThat(r.errors()).containsExactly(
                "record 2: bad date 'le 12 février': expected 2026-10-16T22:00:00+00:00 or 2026-10-17",
                "record 3: end_date 2028-04-01 is before start_date 2028-04-08",
                "record 4: no description");
        assertThat(MinistryCalendarReader.parse("").errors()).singleElement().asString().contains("empty file");
        assertThat(MinistryCalendarReader.parse("{\"a\": 1}").errors()).singleElement().asString().contains("JSON array");
        assertThat(MinistryCalendarReader.parse("date;vacances_zone_a\n2027-01-01;True\n").errors())
                .singleElement().asString().contains("no 'description' column");
    }

    @Test
    void aFileWithoutMetropolitanHolidaysIsRefused() {
        List<MinistryRecord> overseasOnly = MinistryCalendarReader.parse("""
                [{"description": "Vacances de Carnaval", "population": "-", "start_date": "2027-02-06",
                  "end_date": "2027-02-15", "location": "Guadeloupe", "zones": "Guadeloupe"}]
                """).records();
        assertThat(overseasOnly).hasSize(1);
        assertThatThrownBy(() -> ImportedCalendar.of(overseasOnly)).hasMessageContaining("Zone A, B or C");
    }

    @Test
    void coverageWarnsAheadThenSaysItRanOut() {
        SchoolCalendar shipped = SchoolCalendar.load();
        assertThat(shipped.lastKnownDay()).isEqualTo(LocalDate.of(2027, 8, 31));
        assertThat(CalendarCoverage.of(shipped, LocalDate.of(2027, 3, 1), 60).state()).isEqualTo(CalendarCoverage.State.OK);
        CalendarCoverage ending = CalendarCoverage.of(shipped, LocalDate.of(2027, 7, 15), 60);
        assertThat(ending.state()).isEqualTo(CalendarCoverage.State.ENDING);
        assertThat(ending.daysLeft()).isEqualTo(47);
        assertThat(ending.message()).contains("ends on 2027-08-31", "in 47 days", "vigie calendar import");
        CalendarCoverage expired = CalendarCoverage.of(shipped, LocalDate.of(2027, 10, 1), 60);
        assertThat(expired.state()).isEqualTo(CalendarCoverage.State.EXPIRED);
        assertThat(expired.message()).contains("ended on 2027-08-31", "31 days ago", "holidays included");
        SchoolCalendar imported = SchoolCalendar.withFile(sample("fr-en-calendrier-scolaire.csv"));
        assertThat(CalendarCoverage.of(imported, LocalDate.of(2027, 10, 1), 60).ok()).isTrue();
    }
}
