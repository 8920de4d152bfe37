package fr.vigie.aggregator.classify;

import fr.vigie.aggregator.Evidence;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** French and English wording of the figures in evidence: French decimal comma, local clock time. */
final class Words {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static final Map<String, String[]> LABELS = Map.ofEntries(
            Map.entry("waiting_room", new String[] {"file d'attente", "waiting room"}),
            Map.entry("rate_limited", new String[] {"limitation de débit", "rate limiting"}),
            Map.entry("gateway_error", new String[] {"erreur de passerelle", "gateway error"}),
            Map.entry("waf_challenge", new String[] {"page de défi anti-DDoS", "anti-DDoS challenge page"}),
            Map.entry("disk_full", new String[] {"disque plein", "disk full"}),
            Map.entry("io_error", new String[] {"erreur d'entrée/sortie", "I/O error"}),
            Map.entry("read_only_fs", new String[] {"système de fichiers en lecture seule", "read-only file system"}),
            Map.entry("db_cannot_extend", new String[] {"base de données pleine", "database cannot grow"}),
            Map.entry("maintenance", new String[] {"page de maintenance", "maintenance page"}),
            Map.entry("app_error", new String[] {"erreur applicative", "application error"}),
            Map.entry("login_session_lost", new String[] {"session de connexion perdue", "login session lost"}),
            Map.entry("dns_failure", new String[] {"échec DNS", "DNS failure"}),
            Map.entry("connect_refused", new String[] {"connexion refusée", "connection refused"}),
            Map.entry("connect_timeout", new String[] {"délai de connexion dépassé", "connect time-out"}),
            Map.entry("tls_failure", new String[] {"échec TLS", "TLS failure"}),
            Map.entry("reset", new String[] {"connexion coupée (reset)", "connection reset"}),
            Map.entry("response_timeout", new String[] {"réponse hors délai", "response time-out"}),
            Map.entry("assertion_failed", new String[] {"contenu inattendu", "unexpected content"}),
            Map.entry("too_large", new String[] {"réponse trop volumineuse", "oversized response"}),
            Map.entry("redirect_loop", new String[] {"boucle de redirection", "redirect loop"}),
            Map.entry("http_error", new String[] {"erreur HTTP", "HTTP error"}),
            Map.entry("signature", new String[] {"page d'erreur reconnue", "known error page"}));

    private Words() {
    }

    static Evidence of(String fr, String en) {
        return new Evidence(fr, en);
    }

    static String labelFr(String label) {
        if (label.startsWith("http_") && label.length() == 8) {
            return "erreur HTTP " + label.substring(5);
        }
        String[] l = LABELS.get(label);
        return l == null ? label.replace('_', ' ') : l[0];
    }

    static String labelEn(String label) {
        if (label.startsWith("http_") && label.length() == 8) {
            return "HTTP " + label.substring(5);
        }
        String[] l = LABELS.get(label);
        return l == null ? label.replace('_', ' ') : l[1];
    }

    /** "4,2 s", "380 ms" or "0,4 ms" (loopback). */
    static String durationFr(double ms) {
        if (ms >= 1000) return String.format(Locale.FRANCE, "%.1f s", ms / 1000);
        return ms < 10 ? String.format(Locale.FRANCE, "%.1f ms", ms) : String.format(Locale.FRANCE, "%.0f ms", ms);
    }

    /** "4.2 s" or "380 ms". */
    static String durationEn(double ms) {
        if (ms >= 1000) return String.format(Locale.ROOT, "%.1f s", ms / 1000);
        return ms < 10 ? String.format(Locale.ROOT, "%.1f ms", ms) : String.format(Locale.ROOT, "%.0f ms", ms);
    }

    /** "14" or "3,5". */
    static String factorFr(double f) {
        return f >= 10 ? String.format(Locale.FRANCE, "%.0f", f) : String.format(Locale.FRANCE, "%.1f", f);
    }

    static String factorEn(double f) {
        return f >= 10 ? String.format(Locale.ROOT, "%.0f", f) : String.format(Locale.ROOT, "%.1f", f);
    }

    /** "0,45": a confidence in French. */
    static String decimalFr(double v) {
        return String.format(Locale.FRANCE, "%.2f", v);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f %%", fraction * 100);
    }

    static String clock(Instant t, ZoneId zone) {
        return CLOCK.format(t.atZone(zone));
    }
}
