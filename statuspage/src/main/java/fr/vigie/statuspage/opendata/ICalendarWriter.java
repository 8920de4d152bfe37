package fr.vigie.statuspage.opendata;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * A strict RFC 5545 content-line writer (no iCalendar library is served here): CRLF line ends, lines folded at
 * 75 octets without splitting a UTF-8 character, TEXT values escaped, date-times in UTC. It writes what it is
 * given in order; {@link MaintenanceCalendar} decides the components.
 */
final class ICalendarWriter {
    /** RFC 5545 §3.1: lines SHOULD NOT be longer than 75 octets, excluding the line break. */
    static final int MAX_OCTETS = 75;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final StringBuilder out = new StringBuilder();

    ICalendarWriter begin(String component) {
        return line("BEGIN:" + component);
    }

    ICalendarWriter end(String component) {
        return line("END:" + component);
    }

    /** A property whose value is already in its iCalendar form (no escaping). */
    ICalendarWriter raw(String name, String value) {
        return line(name + ":" + value);
    }

    /** A TEXT property (§3.3.11): backslash, semicolon, comma and line breaks escaped. */
    ICalendarWriter text(String name, String value) {
        return line(name + ":" + escape(value));
    }

    /** A DATE-TIME property in UTC (§3.3.5, form #2), to the second. */
    ICalendarWriter utc(String name, Instant at) {
        return line(name + ":" + UTC.format(at.truncatedTo(ChronoUnit.SECONDS)));
    }

    byte[] bytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String escape(String value) {
        StringBuilder b = new StringBuilder(value.length() + 8);
        String v = value.replace("\r\n", "\n").replace('\r', '\n');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case ';' -> b.append("\\;");
                case ',' -> b.append("\\,");
                case '\n' -> b.append("\\n");
                default -> {
                    // TEXT allows no control character but HTAB (§3.3.11): others are dropped
                    if (c >= 0x20 && c != 0x7f || c == '\t') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** §3.1: folded by inserting CRLF and one space; the space counts in the continuation line's 75 octets. */
    private ICalendarWriter line(String content) {
        int octets = 0;
        int limit = MAX_OCTETS;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = utf8Length(cp);
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 1;
                limit = MAX_OCTETS;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
        return this;
    }

    private static int utf8Length(int cp) {
        return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }
}
