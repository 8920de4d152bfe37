package fr.vigie.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fr.vigie.config.calendar.CalendarCoverage;
import fr.vigie.config.calendar.HolidayPeriod;
import fr.vigie.config.calendar.ImportedCalendar;
import fr.vigie.config.calendar.MinistryCalendarReader;
import fr.vigie.config.calendar.MinistryRecord;
import fr.vigie.config.calendar.SchoolCalendar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code vigie calendar import FILE [--out F]}: checks the ministry's school calendar export before it is used. */
@Command(name = "calendar", mixinStandardHelpOptions = true,
        description = "The school calendar: import the ministry's open-data export.",
        subcommands = CalendarCommand.Import.class)
public final class CalendarCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Validate the JSON or CSV export of fr-en-calendrier-scolaire (data.education.gouv.fr),"
                    + " print the holidays it gives for zones A, B and C and how far the data then reaches;"
                    + " with --out, write it (pupils' lines of zones A, B and C, as the dataset's JSON export) for"
                    + " calendar.holidays-file.", "Exit status 2 when the file cannot be used; nothing is written then."})
    static final class Import implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "The downloaded export (.json or .csv)")
        Path file;

        @Option(names = "--out", paramLabel = "F", description = "Write the checked calendar here (replaced atomically)")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter stdout = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            MinistryCalendarReader.Result read;
            try {
                read = MinistryCalendarReader.read(file);
            } catch (IOException e) {
                err.println(file + ": cannot read: " + e.getMessage());
                err.flush();
                return ConfigFiles.INVALID;
            }
            if (!read.errors().isEmpty()) {
                read.errors().forEach(e -> err.println(file + ": " + e));
                err.println(file + ": " + read.errors().size() + " problem(s), nothing imported");
                err.flush();
                return ConfigFiles.INVALID;
            }
            ImportedCalendar imported;
            try {
                imported = ImportedCalendar.of(read.records());
            } catch (IllegalArgumentException e) {
                err.println(file + ": " + e.getMessage());
                err.flush();
                return ConfigFiles.INVALID;
            }
            SchoolCalendar merged = SchoolCalendar.load().extendedWith(imported, file.getFileName().toString());
            stdout.println(file + ": OK, " + read.records().size() + " records, school years " + new java.util.TreeSet<>(imported.schoolYears()));
            for (HolidayPeriod p : imported.periods()) {
                stdout.printf("  %-22s zones %-7s %s .. %s%n", p.name(), String.join(",", new java.util.TreeSet<>(p.zones())),
                        p.from(), p.to());
            }
            CalendarCoverage coverage = CalendarCoverage.of(merged, LocalDate.now(ZoneId.of("Europe/Paris")),
                    CalendarCoverage.DEFAULT_WARN_DAYS);
            stdout.println("  known until " + merged.lastKnownDay() + (coverage.ok() ? "" : ": " + coverage.message()));
            stdout.flush();
            if (out != null) {
                try {
                    write(read.records(), out);
                } catch (IOException e) {
                    err.println(out + ": cannot write: " + e.getMessage());
                    err.flush();
                    return 1;
                }
                stdout.println("written to " + out + "; set calendar.holidays-file: " + out);
                stdout.flush();
            }
            return 0;
        }

        /** The lines Vigie uses, in the dataset's JSON export format, through a temporary file then a rename. */
        static void write(List<MinistryRecord> records, Path out) throws IOException {
            ZoneId paris = ZoneId.of("Europe/Paris");
            List<Map<String, Object>> lines = records.stream()
                    .filter(r -> r.metropolitanZone() != null && !r.teachersOnly())
                    .map(r -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("description", r.description());
                        m.put("population", r.population());
                        m.put("start_date", r.start().atStartOfDay(paris).toOffsetDateTime().toString());
                        m.put("end_date", r.end() == null ? null : r.end().atStartOfDay(paris).toOffsetDateTime().toString());
                        m.put("location", r.location());
                        m.put("zones", r.zone());
                        m.put("annee_scolaire", r.schoolYear());
                        return m;
                    }).toList();
            Path absolute = out.toAbsolutePath();
            Files.createDirectories(absolute.getParent());
            Path tmp = Files.createTempFile(absolute.getParent(), ".calendar-", ".json");
            try {
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), lines);
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
