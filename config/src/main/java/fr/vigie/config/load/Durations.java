package fr.vigie.config.load;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations written {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}, {@code 7d} or ISO-8601 {@code PT30S}. */
public final class Durations {
    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private Durations() {
    }

    /** @throws IllegalArgumentException with a message fit for a config error */
    public static Duration parse(String text) {
        String t = text.trim();
        Matcher m = SHORT.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        }
        if (t.toUpperCase(Locale.ROOT).startsWith("P")) {
            try {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                // fall through to the common message
            }
        }
        throw new IllegalArgumentException("bad duration '" + text
                + "': write a number and a unit (500ms, 30s, 2m, 1h, 7d) or ISO-8601 (PT30S)");
    }
}
