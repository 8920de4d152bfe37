package fr.vigie.config.load;

import fr.vigie.config.SchoolCalendarSettings;
import fr.vigie.config.SpecialDay;
import fr.vigie.config.calendar.SchoolCalendar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads the {@code calendar} section: the ministry's holidays file (checked now, not at 8:00) and special days. */
final class CalendarReader {
    private CalendarReader() {
    }

    static SchoolCalendarSettings calendar(Node node) {
        if (!node.mapping("holidays-file", "warn-days", "special-days")) {
            return SchoolCalendarSettings.DEFAULT;
        }
        Path file = SettingsReader.path(node.get("holidays-file"), null);
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                node.get("holidays-file").error("no such file '" + file + "': download the JSON or CSV export of"
                        + " fr-en-calendrier-scolaire from data.education.gouv.fr");
                file = null;
            } else {
                try {
                    SchoolCalendar.withFile(file);
                } catch (IllegalArgumentException e) {
                    node.get("holidays-file").error("cannot use '" + file + "': " + e.getMessage());
                    file = null;
                }
            }
        }
        Long warn = node.get("warn-days").integer(0, 366);
        List<SpecialDay> days = new ArrayList<>();
        for (Node item : node.get("special-days").items()) {
            SpecialDay day = specialDay(item);
            if (day != null) {
                days.add(day);
            }
        }
        return new SchoolCalendarSettings(file, warn == null ? Defaults.CALENDAR_WARN_DAYS : warn.intValue(), days);
    }

    private static SpecialDay specialDay(Node item) {
        if (!item.mapping("date", "name", "kind", "zones", "load-factor")) {
            return null;
        }
        LocalDate date = null;
        String text = item.get("date").requiredText();
        if (text != null) {
            try {
                date = LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                item.get("date").error("bad date '" + text + "': expected YYYY-MM-DD");
            }
        }
        SpecialDay.Kind chosen = item.get("kind").present() ? item.get("kind").choice(SpecialDay.Kind.class) : null;
        SpecialDay.Kind kind = chosen == null ? SpecialDay.Kind.OTHER : chosen;
        Set<String> zones = new LinkedHashSet<>();
        for (Node z : item.get("zones").items()) {
            String zone = z.oneOf(ScheduleReader.ZONES);
            if (zone != null) {
                zones.add(zone);
            }
        }
        Double factor = item.get("load-factor").decimal(0);
        if (factor != null && factor > 10) {
            item.get("load-factor").error("expected a factor up to 10 (1.5 = half again the usual morning load)");
            factor = null;
        }
        if (date == null) {
            return null;
        }
        return new SpecialDay(date, item.get("name").text(kind.name().toLowerCase(java.util.Locale.ROOT)),
                kind, zones, factor == null ? defaultFactor(kind) : factor);
    }

    /** Without a declared factor: distance learning as on 6 April 2021 (every pupil online at once), else +30 %. */
    static double defaultFactor(SpecialDay.Kind kind) {
        return kind == SpecialDay.Kind.DISTANCE_LEARNING ? Defaults.SPECIAL_DAY_FACTOR_DISTANCE_LEARNING
                : Defaults.SPECIAL_DAY_FACTOR_OTHER;
    }
}
