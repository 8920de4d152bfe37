package fr.vigie.config.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * School holidays of the metropolitan zones A, B and C built from the ministry's records: pupils' lines only,
 * one period per holiday and dates, with the zones that share them.
 *
 * <p>The dataset's convention: {@code start_date} is the departure day (holidays begin after that day's classes),
 * {@code end_date} the morning classes resume. The first day off is the day after the departure, or the departure
 * day itself when it has no classes (a Saturday, a Sunday or a public holiday such as Ascension); the last day off
 * is the day before classes resume.
 *
 * @param periods       the holidays, in date order
 * @param firstKnownDay first day the data says something about
 * @param lastKnownDay  last day the data covers: after it every weekday would count as a school day
 * @param schoolYears   the school years present ("2026-2027")
 */
public record ImportedCalendar(List<HolidayPeriod> periods, LocalDate firstKnownDay, LocalDate lastKnownDay,
                               Set<String> schoolYears) {
    public ImportedCalendar {
        periods = List.copyOf(periods);
        schoolYears = Set.copyOf(schoolYears);
    }

    /** Converts records; throws with every reason when nothing usable is left. */
    public static ImportedCalendar of(List<MinistryRecord> records) {
        Map<String, Set<String>> zonesByPeriod = new LinkedHashMap<>();
        Set<String> years = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (MinistryRecord r : records) {
            String zone = r.metropolitanZone();
            if (zone == null || r.teachersOnly() || isRentree(r.description())) {
                continue;
            }
            LocalDate from = firstDayOff(r.start());
            LocalDate to = r.end() != null ? r.end().minusDays(1) : openEnd(r);
            if (to == null) {
                problems.add("record " + r.line() + ": '" + r.description() + "' has no end_date");
                continue;
            }
            if (to.isBefore(from)) {
                to = from; // a one-day bridge published with end = start + 1 and a departure on a day with classes
            }
            zonesByPeriod.computeIfAbsent(shortName(r.description()) + "|" + from + "|" + to, k -> new TreeSet<>())
                    .add(zone);
            if (r.schoolYear() != null) {
                years.add(r.schoolYear());
            }
        }
        if (zonesByPeriod.isEmpty()) {
            problems.add(0, "no holiday for pupils of Zone A, B or C in the file (is it the fr-en-calendrier-scolaire export?)");
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        List<HolidayPeriod> periods = new ArrayList<>();
        zonesByPeriod.forEach((key, zones) -> {
            String[] parts = key.split("\\|");
            periods.add(new HolidayPeriod(parts[0], zones, LocalDate.parse(parts[1]), LocalDate.parse(parts[2])));
        });
        periods.sort(Comparator.comparing(HolidayPeriod::from).thenComparing(HolidayPeriod::name));
        LocalDate first = periods.get(0).from();
        LocalDate last = periods.stream().map(HolidayPeriod::to).max(Comparator.naturalOrder()).orElseThrow();
        return new ImportedCalendar(periods, first, last, years);
    }

    private static boolean isRentree(String description) {
        return description.toLowerCase(Locale.ROOT).startsWith("rentrée");
    }

    private static LocalDate firstDayOff(LocalDate departure) {
        boolean noClasses = departure.getDayOfWeek() == DayOfWeek.SATURDAY
                || departure.getDayOfWeek() == DayOfWeek.SUNDAY || PublicHolidays.isPublicHoliday(departure);
        return noClasses ? departure : departure.plusDays(1);
    }

    /** "Début des Vacances d'Été" (the next rentrée not yet published): the summer runs to the end of August. */
    private static LocalDate openEnd(MinistryRecord r) {
        String d = r.description().toLowerCase(Locale.ROOT);
        return d.contains("été") ? LocalDate.of(r.start().getYear(), 8, 31) : null;
    }

    /** The same short names as the shipped file ("Toussaint", "Hiver"...), so pages read the same. */
    static String shortName(String description) {
        String d = description.toLowerCase(Locale.ROOT);
        if (d.contains("toussaint")) {
            return "Toussaint";
        }
        if (d.contains("noël") || d.contains("noel")) {
            return "Noël";
        }
        if (d.contains("hiver")) {
            return "Hiver";
        }
        if (d.contains("printemps")) {
            return "Printemps";
        }
        if (d.contains("été") || d.contains("ete")) {
            return "Été";
        }
        if (d.contains("ascension")) {
            return "Pont de l'Ascension";
        }
        return description.replace('|', '/');
    }
}
