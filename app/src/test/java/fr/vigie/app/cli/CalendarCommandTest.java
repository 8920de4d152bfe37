package fr.vigie.app.cli;

import fr.vigie.app.VigieCommand;
import fr.vigie.config.calendar.SchoolCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code vigie calendar import}: validates the ministry's export, converts it, refuses a bad one untouched. */
class CalendarCommandTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new VigieCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private static Path sample(String name) throws Exception {
        return Path.of(CalendarCommandTest.class.getResource("/calendar/" + name).toURI());
    }

    @Test
    void theCsvExportIsCheckedSummarisedAndWrittenForTheConfig() throws Exception {
        Path installed = dir.resolve("data/calendrier.json");
        assertThat(run("calendar", "import", sample("fr-en-calendrier-scolaire.csv").toString(), "--out",
                installed.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("OK", "school years [2026-2027, 2027-2028]",
                "Toussaint", "2027-10-23 .. 2027-11-07", "known until 2028-08-31", "written to " + installed);
        SchoolCalendar written = SchoolCalendar.withFile(installed);
        assertThat(written.lastKnownDay()).isEqualTo(LocalDate.of(2028, 8, 31));
        assertThat(written.isSchoolDay(LocalDate.of(2027, 10, 25), "A")).isFalse();
        assertThat(Files.readString(installed)).doesNotContain("Guadeloupe", "Enseignants");
    }

    @Test
    void aBadExportExitsTwoNamingEachLineAndWritesNothing() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), """
                [{"description": "Vacances de Noël", "start_date": "18/12/2027", "zones": "Zone C"},
                 {"description": "Vacances d'Hiver", "start_date": "2028-02-12", "end_date": "2028-02-01", "zones": "Zone A"}]
                """);
        Path target = dir.resolve("calendrier.json");
        assertThat(run("calendar", "import", bad.toString(), "--out", target.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("record 1: bad date '18/12/2027'",
                "record 2: end_date 2028-02-01 is before start_date 2028-02-12", "2 problem(s), nothing imported");
        assertThat(target).doesNotExist();
        assertThat(run("calendar", "import", dir.resolve("missing.json").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("missing.json: cannot read");
    }
}
