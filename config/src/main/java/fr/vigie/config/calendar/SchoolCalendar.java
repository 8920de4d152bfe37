package fr.vigie.config.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fr.vigie.config.CalendarConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * French school days by holiday zone. School holidays come from the shipped data file (school years
 * 2020-2021 to 2026-2027), extended by the ministry's open-data export when the operator sets
 * {@code calendar.holidays-file} ({@link #withFile}); outside the known days every weekday that is not a public
 * holiday counts as a school day, which {@link CalendarCoverage} warns about ahead. A null zone (national
 * services) means "a school day in at least one zone".
 */
public final class SchoolCalendar {
    static final String RESOURCE = "/fr/vigie/config/calendar/france-holidays.yaml";
    static final List<String> ZONES = List.of("A", "B", "C");

    private static volatile SchoolCalendar shipped;

    private static final Map<Path, Cached> imported = new ConcurrentHashMap<>();

    private final List<HolidayPeriod> holidays;
    private final LocalDate firstKnownDay;
    private final LocalDate lastKnownDay;
    private final String source;

    SchoolCalendar(List<HolidayPeriod> holidays, LocalDate firstKnownDay, LocalDate lastKnownDay) {
        this(holidays, firstKnownDay, lastKnownDay, "shipped data");
    }

    private SchoolCalendar(List<HolidayPeriod> holidays, LocalDate firstKnownDay, LocalDate lastKnownDay,
                           String source) {
        this.holidays = List.copyOf(holidays);
        this.firstKnownDay = firstKnownDay;
        this.lastKnownDay = lastKnownDay;
        this.source = source;
    }

    private record Cached(FileTime modified, SchoolCalendar calendar) {
    }

    /**
     * The shipped calendar, extended (and, where they overlap, replaced) by the ministry's export in
     * {@code holidaysFile} ({@code calendar.holidays-file}); the shipped one when the file is null. Read once per
     * file version.
     *
     * @throws IllegalArgumentException with every reason when the file cannot be used
     */
    public static SchoolCalendar withFile(Path holidaysFile) {
        if (holidaysFile == null) {
            return load();
        }
        try {
            FileTime modified = Files.getLastModifiedTime(holidaysFile);
            Cached cached = imported.get(holidaysFile);
            if (cached != null && cached.modified().equals(modified)) {
                return cached.calendar();
            }
            MinistryCalendarReader.Result read = MinistryCalendarReader.read(holidaysFile);
            if (!read.errors().isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", read.errors()));
            }
            SchoolCalendar calendar = load().extendedWith(ImportedCalendar.of(read.records()),
                    "ministry export " + holidaysFile.getFileName());
            imported.put(holidaysFile, new Cached(modified, calendar));
            return calendar;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + holidaysFile + ": " + e.getMessage());
        }
    }

    /** The calendar a configuration uses: the shipped one and its {@code calendar.holidays-file}, if any. */
    public static SchoolCalendar of(fr.vigie.config.VigieConfig config) {
        return withFile(config.schoolCalendar().holidaysFile());
    }

    /** This calendar with {@code other}'s holidays from its first known day on (they win where both speak). */
    public SchoolCalendar extendedWith(ImportedCalendar other, String otherSource) {
        List<HolidayPeriod> merged = new ArrayList<>();
        holidays.stream().filter(h -> h.to().isBefore(other.firstKnownDay())).forEach(merged::add);
        merged.addAll(other.periods());
        LocalDate first = firstKnownDay.isBefore(other.firstKnownDay()) ? firstKnownDay : other.firstKnownDay();
        LocalDate last = lastKnownDay.isAfter(other.lastKnownDay()) ? lastKnownDay : other.lastKnownDay();
        return new SchoolCalendar(merged, first, last, otherSource);
    }

    /** Where the data comes from, for operator messages ("shipped data", "ministry export FILE"). */
    public String source() {
        return source;
    }

    /**
     * True on the first school day after at least a week without classes in {@code zone} (the rentrée, the return
     * from any holidays): mornings when every family logs in again.
     */
    public boolean isReturnFromHolidays(LocalDate date, String zone) {
        if (!isSchoolDay(date, zone)) {
            return false;
        }
        int daysOff = 0;
        for (LocalDate d = date.minusDays(1); daysOff < 9 && !isSchoolDay(d, zone); d = d.minusDays(1)) {
            daysOff++;
        }
        return daysOff >= 7;
    }

    /** The calendar shipped with Vigie (read once, then shared; immutable). */
    public static SchoolCalendar load() {
        SchoolCalendar calendar = shipped;
        if (calendar == null) {
            calendar = read();
            shipped = calendar;
        }
        return calendar;
    }

    /** True on a weekday with classes in {@code zone} (A, B or C; null: in any zone). */
    public boolean isSchoolDay(LocalDate date, String zone) {
        if (isWeekend(date) || PublicHolidays.isPublicHoliday(date)) {
            return false;
        }
        if (zone == null) {
            return ZONES.stream().anyMatch(z -> holiday(date, z).isEmpty());
        }
        if (!ZONES.contains(zone)) {
            throw new IllegalArgumentException("unknown holiday zone '" + zone + "': expected A, B or C");
        }
        return holiday(date, zone).isEmpty();
    }

    public boolean isPublicHoliday(LocalDate date) {
        return PublicHolidays.isPublicHoliday(date);
    }

    /** The school holidays {@code date} falls in for {@code zone} ("Printemps", "Été"...), if any. */
    public Optional<String> holiday(LocalDate date, String zone) {
        if (date.isBefore(firstKnownDay) || date.isAfter(lastKnownDay)) {
            return Optional.empty();
        }
        return holidays.stream().filter(h -> h.covers(date, zone)).map(HolidayPeriod::name).findFirst();
    }

    /**
     * Whether a schedule restricted to {@code calendar} runs on {@code date}: not an excluded date, not a public
     * holiday when the calendar says so, and, when it names a zone, a school day of that zone.
     */
    public boolean isOpenDay(LocalDate date, CalendarConfig calendar) {
        if (calendar.excludedDates().contains(date)) {
            return false;
        }
        if (calendar.publicHolidays() && isPublicHoliday(date)) {
            return false;
        }
        return calendar.zone() == null || isSchoolDay(date, calendar.zone());
    }

    /** First and last day the shipped school-holiday data covers. */
    public LocalDate firstKnownDay() {
        return firstKnownDay;
    }

    public LocalDate lastKnownDay() {
        return lastKnownDay;
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static SchoolCalendar read() {
        try (InputStream in = SchoolCalendar.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing calendar resource " + RESOURCE);
            }
            JsonNode years = new ObjectMapper(new YAMLFactory()).readTree(in).get("school-years");
            List<HolidayPeriod> periods = new ArrayList<>();
            LocalDate first = null;
            LocalDate previousLastDay = null;
            for (JsonNode year : years) {
                LocalDate firstDay = LocalDate.parse(year.get("first-day").asText());
                LocalDate lastDay = LocalDate.parse(year.get("last-day").asText());
                if (previousLastDay != null) {
                    periods.add(summer(previousLastDay, firstDay));
                }
                for (JsonNode h : year.get("holidays")) {
                    Set<String> zones = new HashSet<>();
                    h.get("zones").forEach(z -> zones.add(z.asText()));
                    periods.add(new HolidayPeriod(h.get("name").asText(), zones,
                            LocalDate.parse(h.get("from").asText()), LocalDate.parse(h.get("to").asText())));
                }
                first = first == null ? firstDay : first;
                previousLastDay = lastDay;
            }
            // The summer after the last known year runs to the end of August.
            LocalDate end = LocalDate.of(previousLastDay.getYear(), 8, 31);
            periods.add(new HolidayPeriod("Été", Set.copyOf(ZONES), previousLastDay.plusDays(1), end));
            return new SchoolCalendar(periods, first, end);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HolidayPeriod summer(LocalDate lastDayOfClasses, LocalDate nextFirstDay) {
        return new HolidayPeriod("Été", Set.copyOf(ZONES), lastDayOfClasses.plusDays(1), nextFirstDay.minusDays(1));
    }
}
