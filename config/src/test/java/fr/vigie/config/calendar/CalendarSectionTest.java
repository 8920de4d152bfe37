package fr.vigie.config.calendar;

import fr.vigie.config.ConfigError;
import fr.vigie.config.ConfigException;
import fr.vigie.config.ConfigLoader;
import fr.vigie.config.SpecialDay;
import fr.vigie.config.VigieConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The {@code calendar} section: the holidays file is checked at load, special days with path and line. */
class CalendarSectionTest {
    private static final String TARGETS = """
            targets:
              - id: ent-a
                kind: ent
                base-url: http://127.0.0.1:1
                journey: public-page
            """;

    private static VigieConfig load(String yaml) throws ConfigException {
        return new ConfigLoader(Map.of()).loadText(yaml, Path.of("."));
    }

    @Test
    void absentSectionKeepsTheShippedCalendar() throws ConfigException {
        VigieConfig config = load(TARGETS);
        assertThat(config.schoolCalendar().holidaysFile()).isNull();
        assertThat(SchoolCalendar.of(config).lastKnownDay()).isEqualTo(LocalDate.of(2027, 8, 31));
    }

    @Test
    void theMinistryFileAndSpecialDaysAreRead() throws ConfigException {
        Path file = MinistryCalendarImportTest.sample("fr-en-calendrier-scolaire.json");
        VigieConfig config = load(TARGETS + """
                calendar:
                  holidays-file: %s
                  warn-days: 30
                  special-days:
                    - {date: 2028-03-13, name: "Premier jour d'enseignement à distance", kind: distance-learning}
                    - {date: 2027-11-08, kind: return-from-holidays, zones: [A], load-factor: 1.5}
                """.formatted(file));
        assertThat(SchoolCalendar.of(config).lastKnownDay()).isEqualTo(LocalDate.of(2028, 8, 31));
        assertThat(config.schoolCalendar().warnDays()).isEqualTo(30);
        assertThat(config.schoolCalendar().specialDays()).containsExactly(
                new SpecialDay(LocalDate.of(2028, 3, 13), "Premier jour d'enseignement à distance",
                        SpecialDay.Kind.DISTANCE_LEARNING, java.util.Set.of(), 2.0),
                new SpecialDay(LocalDate.of(2027, 11, 8), "return_from_holidays", SpecialDay.Kind.RETURN_FROM_HOLIDAYS,
                        java.util.Set.of("A"), 1.5));
    }

    @Test
    void everyProblemAtOnceWithPathAndLine(@TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("calendrier.json"), """
                [{"description": "Vacances d'Hiver", "start_date": "12/02/2028", "zones": "Zone A"}]
                """);
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> load(TARGETS + """
                calendar:
                  holidays-file: %s
                  warn-days: 400
                  special-days:
                    - {date: 2028-13-01, kind: exams}
                    - {name: sans date, zones: [D], load-factor: 50}
                """.formatted(bad)));
        assertThat(e.errors().stream().map(ConfigError::toString).toList()).containsExactlyInAnyOrder(
                "calendar.holidays-file: cannot use '" + bad + "': record 1: bad date '12/02/2028': expected"
                        + " 2026-10-16T22:00:00+00:00 or 2026-10-17 (line 7)",
                "calendar.warn-days: expected a whole number between 0 and 366, found 400 (line 8)",
                "calendar.special-days[0].date: bad date '2028-13-01': expected YYYY-MM-DD (line 10)",
                "calendar.special-days[0].kind: bad value 'exams': expected one of distance-learning, rentree,"
                        + " return-from-holidays, other (line 10)",
                "calendar.special-days[1].date: missing required key 'date' (line 11)",
                "calendar.special-days[1].zones[0]: bad value 'D' (did you mean 'A'?): expected one of A, B, C (line 11)",
                "calendar.special-days[1].load-factor: expected a factor up to 10 (1.5 = half again the usual morning"
                        + " load) (line 11)");
    }

    @Test
    void aMissingFileIsNamed() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> load(TARGETS + """
                calendar:
                  holidays-file: /nonexistent/calendrier.json
                """));
        assertThat(e.errors()).singleElement().asString()
                .startsWith("calendar.holidays-file: no such file '/nonexistent/calendrier.json'").contains("(line 7)");
    }
}
