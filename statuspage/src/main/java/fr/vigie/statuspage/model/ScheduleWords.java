package fr.vigie.statuspage.model;

import fr.vigie.config.CalendarConfig;
import fr.vigie.config.ScheduleConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A probe schedule in words: "toutes les 30 s de 7h30 à 10h du lundi au vendredi, toutes les 2 min le reste
 * du temps". Plain intervals ({@code every}) always read; Quartz expressions are read when each one is a
 * steady rhythm inside one daily window (seconds or minutes stepping, an hour or minute range, every day or
 * Monday to Friday), which covers the shipped schedules. Anything else is shown as the expressions themselves
 * rather than guessed.
 */
public final class ScheduleWords {
    private static final int DAY_MINUTES = 24 * 60;
    private static final Pattern STEP = Pattern.compile("(?:\\*|0)/(\\d+)");
    private static final Pattern RANGE = Pattern.compile("(\\d+)-(\\d+)");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private final Texts texts;

    public ScheduleWords(Texts texts) {
        this.texts = texts;
    }

    /**
     * @param schedule    the target's schedule (null: said to be unknown)
     * @param calendar    the schedule's calendar, or null
     * @param holidayZone the target's holiday zone, for {@code only-school-days}
     */
    public String describe(ScheduleConfig schedule, CalendarConfig calendar, String holidayZone) {
        if (schedule == null) {
            return texts.get("about.schedule.unknown");
        }
        String rhythm;
        if (schedule.every() != null) {
            rhythm = every(schedule.every());
        } else {
            List<String> expressions = schedule.cronExpressions();
            List<Part> parts = new ArrayList<>();
            for (String expression : expressions) {
                Part part = parse(expression);
                if (part == null) {
                    parts = null;
                    break;
                }
                parts.add(part);
            }
            rhythm = parts == null || parts.isEmpty() ? cron(expressions) : words(merge(parts));
        }
        List<String> limits = new ArrayList<>();
        if (calendar != null) {
            if (calendar.zone() != null) {
                limits.add(texts.format("about.schedule.school_days_zone", calendar.zone()));
            } else if (calendar.publicHolidays()) {
                limits.add(texts.get("about.schedule.no_public_holidays"));
            }
            if (!calendar.excludedDates().isEmpty()) {
                limits.add(texts.format("about.schedule.excluded_dates", calendar.excludedDates().size()));
            }
        }
        if (schedule.onlySchoolDays() && (calendar == null || calendar.zone() == null)) {
            limits.add(holidayZone == null ? texts.get("about.schedule.school_days")
                    : texts.format("about.schedule.school_days_zone", holidayZone));
        }
        return limits.isEmpty() ? rhythm : rhythm + ", " + String.join(", ", limits);
    }

    /** "30 s", "2 min", "1 h 30 min", "2 j": an amount of time. */
    public String amount(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        List<String> parts = new ArrayList<>();
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        if (days > 0) {
            parts.add(days + " " + texts.get("about.unit.day"));
        }
        if (hours > 0) {
            parts.add(hours + " h");
        }
        if (minutes > 0) {
            parts.add(minutes + " min");
        }
        if (rest > 0 || parts.isEmpty()) {
            parts.add(rest + " s");
        }
        return String.join(" ", parts);
    }

    /** "toutes les 30 s", "chaque minute". */
    public String every(Duration interval) {
        long seconds = interval.getSeconds();
        if (seconds == 1) {
            return texts.get("about.schedule.second");
        }
        if (seconds == 60) {
            return texts.get("about.schedule.minute");
        }
        if (seconds == 3600) {
            return texts.get("about.schedule.hour");
        }
        return texts.format("about.schedule.every", amount(interval));
    }

    private String cron(List<String> expressions) {
        return texts.format("about.schedule.cron", expressions.stream().map(e -> "« " + e + " »")
                .collect(Collectors.joining(", ")));
    }

    /**
     * A steady rhythm inside one daily window.
     *
     * @param from     first minute of the day of the window (inclusive)
     * @param to       end minute of the window (exclusive, up to 1440)
     * @param weekdays Monday to Friday only
     */
    private record Part(long seconds, int from, int to, boolean weekdays) {
        boolean allDay() {
            return from == 0 && to == DAY_MINUTES && !weekdays;
        }
    }

    /** Reads one Quartz expression, or null when it is not a steady rhythm in one window. */
    private static Part parse(String expression) {
        String[] f = expression.trim().toUpperCase(Locale.ROOT).split("\\s+");
        if (f.length < 6 || f.length > 7 || (f.length == 7 && !f[6].equals("*"))) {
            return null;
        }
        if (!(f[3].equals("?") || f[3].equals("*")) || !f[4].equals("*")) {
            return null;
        }
        boolean weekdays;
        if (f[5].equals("?") || f[5].equals("*")) {
            weekdays = false;
        } else if (f[5].equals("MON-FRI") || f[5].equals("2-6")) {
            weekdays = true;
        } else {
            return null;
        }
        int[] hours = range(f[2], 23);
        if (hours == null) {
            return null;
        }
        String second = f[0];
        String minute = f[1];
        Integer secondStep = step(second, 60);
        if (second.equals("*") || secondStep != null) {
            // Several times a minute, in the minutes and hours given.
            int[] minutes = range(minute, 59);
            if (minutes == null) {
                return null;
            }
            return window(second.equals("*") ? 1 : secondStep, minutes, hours, weekdays);
        }
        if (!NUMBER.matcher(second).matches() || Integer.parseInt(second) > 59) {
            return null;
        }
        Integer minuteStep = step(minute, 60);
        if (minuteStep != null) {
            return window(minuteStep * 60L, new int[]{0, 59}, hours, weekdays);
        }
        int[] minutes = minute.equals("*") || RANGE.matcher(minute).matches() ? range(minute, 59) : null;
        return minutes == null ? null : window(60, minutes, hours, weekdays);
    }

    /** The window of a minute range inside an hour range: one stretch of the day, or null when it is not. */
    private static Part window(long seconds, int[] minutes, int[] hours, boolean weekdays) {
        boolean wholeHours = minutes[0] == 0 && minutes[1] == 59;
        if (wholeHours) {
            return new Part(seconds, hours[0] * 60, (hours[1] + 1) * 60, weekdays);
        }
        if (hours[0] != hours[1]) {
            return null; // minutes 30-59 of several hours: several stretches
        }
        return new Part(seconds, hours[0] * 60 + minutes[0], hours[0] * 60 + minutes[1] + 1, weekdays);
    }

    /** {@code *}, {@code a-b} or {@code n} as an inclusive range, or null. */
    private static int[] range(String field, int max) {
        if (field.equals("*")) {
            return new int[]{0, max};
        }
        Matcher m = RANGE.matcher(field);
        if (m.matches()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(2));
            return a <= b && b <= max ? new int[]{a, b} : null;
        }
        if (NUMBER.matcher(field).matches() && Integer.parseInt(field) <= max) {
            int n = Integer.parseInt(field);
            return new int[]{n, n};
        }
        return null;
    }

    /** {@code *}/n or {@code 0}/n with n dividing the unit evenly, or null. */
    private static Integer step(String field, int unit) {
        Matcher m = STEP.matcher(field);
        if (!m.matches()) {
            return null;
        }
        int n = Integer.parseInt(m.group(1));
        return n > 0 && n < unit && unit % n == 0 ? n : null;
    }

    /** Joins windows of the same rhythm and days that follow each other (7:30-8:00 and 8:00-10:00). */
    private static List<Part> merge(List<Part> parts) {
        List<Part> sorted = parts.stream().distinct()
                .sorted(Comparator.comparingLong(Part::seconds).thenComparing(Part::weekdays)
                        .thenComparingInt(Part::from)).toList();
        List<Part> merged = new ArrayList<>();
        for (Part part : sorted) {
            Part last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && last.seconds() == part.seconds() && last.weekdays() == part.weekdays()
                    && part.from() <= last.to()) {
                merged.set(merged.size() - 1, new Part(part.seconds(), last.from(), Math.max(last.to(), part.to()),
                        part.weekdays()));
            } else {
                merged.add(part);
            }
        }
        return merged;
    }

    private String words(List<Part> parts) {
        List<Part> allDay = parts.stream().filter(Part::allDay).toList();
        List<Part> windows = parts.stream().filter(p -> !p.allDay()).toList();
        if (windows.isEmpty()) {
            // Several all-day rhythms: the quickest one is what happens.
            return every(Duration.ofSeconds(allDay.stream().mapToLong(Part::seconds).min().orElseThrow()));
        }
        List<String> phrases = new ArrayList<>();
        for (Part part : windows.stream().sorted(Comparator.comparingInt(Part::from)).toList()) {
            phrases.add(part(part));
        }
        if (allDay.size() == 1 && windows.stream().allMatch(p -> p.seconds() < allDay.get(0).seconds())) {
            phrases.add(texts.format("about.schedule.rest", every(Duration.ofSeconds(allDay.get(0).seconds()))));
        } else {
            allDay.forEach(p -> phrases.add(every(Duration.ofSeconds(p.seconds()))));
        }
        return String.join(", ", phrases);
    }

    private String part(Part part) {
        List<String> words = new ArrayList<>();
        words.add(every(Duration.ofSeconds(part.seconds())));
        if (part.from() != 0 || part.to() != DAY_MINUTES) {
            words.add(texts.format("about.schedule.window", time(part.from()), time(part.to())));
        }
        if (part.weekdays()) {
            words.add(texts.get("about.schedule.weekdays"));
        }
        return words.stream().filter(Objects::nonNull).collect(Collectors.joining(" "));
    }

    /** "7h30", "10h", "minuit" (French); "7:30", "10:00", "midnight" (English). */
    private String time(int minuteOfDay) {
        if (minuteOfDay == DAY_MINUTES) {
            return texts.get("about.schedule.midnight");
        }
        int hour = minuteOfDay / 60;
        int minute = minuteOfDay % 60;
        return minute == 0 ? texts.format("about.time.h", hour)
                : texts.format("about.time.hm", hour, String.format(Locale.ROOT, "%02d", minute));
    }
}
