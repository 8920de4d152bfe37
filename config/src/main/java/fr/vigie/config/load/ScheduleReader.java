package fr.vigie.config.load;

import fr.vigie.config.CalendarConfig;
import fr.vigie.config.MaintenanceWindow;
import fr.vigie.config.ScheduleConfig;
import org.quartz.CronExpression;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the time sections: calendars, schedules and maintenance windows. */
final class ScheduleReader {
    static final List<String> ZONES = List.of("A", "B", "C");

    private ScheduleReader() {
    }

    static Map<String, CalendarConfig> calendars(Node section) {
        Map<String, CalendarConfig> calendars = new LinkedHashMap<>();
        section.entries().forEach((name, node) -> {
            node.mapping("zone", "public-holidays", "excluded-dates");
            String zone = node.get("zone").present() ? node.get("zone").oneOf(ZONES) : null;
            List<LocalDate> excluded = new ArrayList<>();
            for (Node item : node.get("excluded-dates").items()) {
                String text = item.text();
                if (text == null) {
                    continue;
                }
                try {
                    excluded.add(LocalDate.parse(text));
                } catch (DateTimeParseException e) {
                    item.error("bad date '" + text + "': expected YYYY-MM-DD");
                }
            }
            calendars.put(name, new CalendarConfig(name, zone,
                    node.get("public-holidays").bool(Defaults.CALENDAR_PUBLIC_HOLIDAYS), excluded));
        });
        return calendars;
    }

    static Map<String, ScheduleConfig> schedules(Node section, Set<String> calendars) {
        Map<String, ScheduleConfig> schedules = new LinkedHashMap<>();
        section.entries().forEach((name, node) -> {
            if (!node.mapping("cron", "every", "calendar", "only-school-days")) {
                if (!node.present()) { // a wrong type was reported by mapping()
                    node.error("expected a mapping with cron or every");
                }
                return;
            }
            Node cronNode = node.get("cron");
            Node everyNode = node.get("every");
            if (cronNode.present() == everyNode.present()) {
                node.error("a schedule needs exactly one of 'cron' or 'every'");
            }
            String cron = cronNode.present() ? cron(cronNode) : null;
            Duration every = everyNode.duration();
            String calendar = node.get("calendar").text();
            if (calendar != null && !calendars.contains(calendar)) {
                node.get("calendar").error("unknown calendar '" + calendar + "'" + Suggestions.hint(calendar, calendars)
                        + known(calendars));
            }
            schedules.put(name, new ScheduleConfig(name, cron, every, calendar,
                    node.get("only-school-days").bool(false)));
        });
        schedules.putIfAbsent(Defaults.SCHEDULE_NAME,
                new ScheduleConfig(Defaults.SCHEDULE_NAME, null, Defaults.SCHEDULE_EVERY, null, false));
        return schedules;
    }

    /** One Quartz expression or a list of them, each validated; joined with {@link ScheduleConfig#CRON_SEPARATOR}. */
    private static String cron(Node node) {
        List<String> expressions = new ArrayList<>();
        List<Node> parts = node.json().isArray() ? node.items() : List.of(node);
        for (Node part : parts) {
            String expression = part.text();
            if (expression == null) {
                continue;
            }
            if (expression.contains("|")) {
                part.error("write several cron expressions as a YAML list, not with '|'");
                continue;
            }
            try {
                CronExpression.validateExpression(expression);
                // well formed but matching no future instant (30 February, a past year): it would never probe
                if (new CronExpression(expression).getNextValidTimeAfter(new java.util.Date()) == null) {
                    part.error("cron expression '" + expression + "' never fires: no date from now on matches it");
                    continue;
                }
                expressions.add(expression.trim());
            } catch (ParseException e) {
                part.error("bad cron expression '" + expression + "': " + e.getMessage()
                        + " (Quartz syntax: sec min hour day-of-month month day-of-week, e.g. '0 */2 * ? * *')");
            }
        }
        if (expressions.isEmpty() && parts.isEmpty()) {
            node.error("at least one cron expression is needed");
        }
        return expressions.isEmpty() ? null : String.join(ScheduleConfig.CRON_SEPARATOR, expressions);
    }

    /**
     * @param targetIds     known target ids
     * @param hostingGroups known hosting groups (referenced as {@code hosting:<group>})
     */
    static List<MaintenanceWindow> maintenance(Node section, ZoneId zone, Set<String> targetIds,
                                               Set<String> hostingGroups) {
        List<MaintenanceWindow> windows = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Node node : section.items()) {
            if (!node.mapping("id", "targets", "start", "end", "description")) {
                if (!node.present()) { // a wrong type was reported by mapping()
                    node.error("expected a mapping with id, start and end");
                }
                continue;
            }
            String id = node.get("id").requiredText();
            if (id != null && seen.putIfAbsent(id, node.path()) != null) {
                node.get("id").error("duplicate maintenance id '" + id + "' (first at " + seen.get(id) + ")");
            }
            List<String> targets = node.get("targets").texts();
            List<Node> targetNodes = node.get("targets").json().isArray() ? node.get("targets").items()
                    : List.of(node.get("targets"));
            for (int i = 0; i < targets.size() && i < targetNodes.size(); i++) {
                checkMaintenanceTarget(targetNodes.get(i), targets.get(i), targetIds, hostingGroups);
            }
            Instant start = node.get("start").required() ? instant(node.get("start"), zone) : null;
            Instant end = node.get("end").required() ? instant(node.get("end"), zone) : null;
            if (start != null && end != null && !end.isAfter(start)) {
                node.get("end").error("end must be after start");
            }
            windows.add(new MaintenanceWindow(id, targets, start, end, node.get("description").text()));
        }
        return windows;
    }

    private static void checkMaintenanceTarget(Node node, String ref, Set<String> targetIds, Set<String> groups) {
        if (ref.startsWith("hosting:")) {
            String group = ref.substring("hosting:".length());
            if (!groups.contains(group)) {
                node.error("unknown hosting group '" + group + "'" + Suggestions.hint(group, groups) + known(groups));
            }
        } else if (!targetIds.contains(ref)) {
            node.error("unknown target '" + ref + "'" + Suggestions.hint(ref, targetIds)
                    + " (write a target id or hosting:<group>)");
        }
    }

    /** An instant with an offset ({@code 2021-04-06T07:00:00Z}) or a local date-time in the site's zone. */
    static Instant instant(Node node, ZoneId zone) {
        String text = node.text();
        if (text == null) {
            return null;
        }
        String t = text.trim().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(t).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                node.error("bad date-time '" + text + "': expected 2021-04-06T07:00 (site time zone) or with an offset");
                return null;
            }
        }
    }

    static String known(Set<String> names) {
        return known(names, 12);
    }

    /** The names, sorted, unless there are more than {@code most} (a long list would bury the error). */
    static String known(Set<String> names, int most) {
        if (names.isEmpty()) {
            return " (none defined)";
        }
        List<String> sorted = names.stream().sorted().toList();
        return sorted.size() > most ? "" : " (known: " + String.join(", ", sorted) + ")";
    }
}
