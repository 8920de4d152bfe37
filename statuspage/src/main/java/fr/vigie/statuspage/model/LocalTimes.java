package fr.vigie.statuspage.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Formats instants in the site's local time and language, relative to the snapshot time (never the clock). */
public final class LocalTimes {
    private final ZoneId zone;
    private final Texts texts;
    private final LocalDate today;
    private final DateTimeFormatter date;
    private final DateTimeFormatter month;
    private final DateTimeFormatter clock = DateTimeFormatter.ofPattern("HH:mm");

    public LocalTimes(ZoneId zone, Texts texts, Instant now) {
        this.zone = zone;
        this.texts = texts;
        this.today = now.atZone(zone).toLocalDate();
        this.date = DateTimeFormatter.ofPattern("d MMMM yyyy", texts.locale());
        this.month = DateTimeFormatter.ofPattern("MMMM yyyy", texts.locale());
    }

    public ZoneId zone() {
        return zone;
    }

    /** "6 avril 2021 à 08:05". */
    public String dateTime(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        return texts.format("date.at", date.format(local), clock.format(local));
    }

    /** "aujourd'hui à 08:05" on the snapshot's day, else the full date and time. */
    public String relative(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        if (local.toLocalDate().equals(today)) {
            return texts.format("date.today", clock.format(local));
        }
        return dateTime(instant);
    }

    public String date(LocalDate day) {
        return date.format(day);
    }

    /** "Avril 2021", capitalised for a heading. */
    public String month(YearMonth yearMonth) {
        String text = month.format(yearMonth.atDay(1));
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    public YearMonth monthOf(Instant instant) {
        return YearMonth.from(instant.atZone(zone));
    }

    /** "2 h 05 min", "12 min", "40 s". */
    public String duration(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3600;
        long minutes = seconds % 3600 / 60;
        if (days > 0) {
            return days + ("fr".equals(texts.language()) ? " j " : " d ") + hours + " h";
        }
        if (hours > 0) {
            return hours + " h " + String.format("%02d", minutes) + " min";
        }
        if (minutes > 0) {
            return minutes + " min";
        }
        return seconds + " s";
    }

    /** "08:30". */
    public String clock(Instant instant) {
        return clock.format(instant.atZone(zone));
    }

    /** The time zone in words with its offset at that instant: "heure de Paris, UTC+2". */
    public String zoneName(Instant instant) {
        int seconds = zone.getRules().getOffset(instant).getTotalSeconds();
        String offset = "UTC" + (seconds < 0 ? "-" : "+") + Math.abs(seconds) / 3600
                + (Math.abs(seconds) % 3600 == 0 ? "" : String.format(":%02d", Math.abs(seconds) % 3600 / 60));
        String name = "Europe/Paris".equals(zone.getId()) ? texts.get("zone.paris") : zone.getId();
        return name + ", " + offset;
    }

    /** Machine-readable time for {@code <time datetime>}: ISO-8601 with the local offset. */
    public String iso(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
    }
}
