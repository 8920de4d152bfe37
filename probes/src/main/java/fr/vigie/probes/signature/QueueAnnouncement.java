package fr.vigie.probes.signature;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the queue position and the announced wait out of a waiting-room page. */
record QueueAnnouncement(Integer position, Integer waitSeconds) {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    // "Position dans la file d'attente : 1234", "rang : 12", "Your number in line: 1 234"
    private static final Pattern POSITION = Pattern.compile(
            "(?:position|rang|number in line|place)[^0-9<]{0,40}?(\\d[\\d  ]{0,9})", FLAGS);
    // "Temps d'attente estimé : 180 secondes", "attendre 3 minutes", "estimated wait: 5 min"
    private static final Pattern WAIT = Pattern.compile(
            "(?:temps d['’]attente|attente estimée|attendre|estimated wait|wait time)[^0-9<]{0,40}?(\\d{1,6})\\s*(secondes?|sec|s\\b|minutes?|min|mn|heures?|h\\b)?",
            FLAGS);

    static QueueAnnouncement parse(String text) {
        return new QueueAnnouncement(position(text), waitSeconds(text));
    }

    private static Integer position(String text) {
        Matcher m = POSITION.matcher(text);
        if (!m.find()) {
            return null;
        }
        String digits = m.group(1).replaceAll("\\D", "");
        return digits.length() > 9 ? null : Integer.valueOf(digits);
    }

    private static Integer waitSeconds(String text) {
        Matcher m = WAIT.matcher(text);
        if (!m.find()) {
            return null;
        }
        int n = Integer.parseInt(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT);
        if (unit.startsWith("m")) {
            return n * 60;
        }
        if (unit.startsWith("h")) {
            return n * 3600;
        }
        return n;
    }
}
