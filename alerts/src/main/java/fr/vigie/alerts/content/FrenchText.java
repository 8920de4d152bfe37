package fr.vigie.alerts.content;

import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Status;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The French wording of an alert, shared by every receiver: a subject line and labelled lines
 * (services, état, cause probable, éléments, début, lien), as plain text, Markdown or HTML.
 */
public final class FrenchText {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMMM uuuu 'à' HH'h'mm", Locale.FRENCH);

    private static final Document.OutputSettings HTML = new Document.OutputSettings()
            .escapeMode(Entities.EscapeMode.xhtml).charset("UTF-8");

    private final ZoneId zone;

    public FrenchText(ZoneId zone) {
        this.zone = zone;
    }

    /** One-line summary, e.g. "[Vigie] Incident ouvert : Panne majeure — Monlycée.net — cause probable : saturation". */
    public String subject(Alert a) {
        if (a.kind() == AlertKind.INTERNAL) {
            return "[Vigie] Alerte interne : " + firstLine(a.message());
        }
        if (a.kind() == AlertKind.FORECAST) {
            // the headline is in the evidence's first line: "risque élevé de saturation lundi 8:00"
            return "[Vigie] Prévision : " + (a.evidence().isEmpty() ? "risque de saturation" : a.evidence().get(0))
                    + " — " + serviceNames(a);
        }
        String state = a.kind() == AlertKind.RESOLVED ? "" : " : " + status(a.status());
        return "[Vigie] " + heading(a.kind()) + state + " — " + serviceNames(a) + " — " + causePhrase(a.cause());
    }

    /** Label/value lines in display order; the values are plain text. */
    public List<String[]> fields(Alert a) {
        List<String[]> lines = new ArrayList<>();
        if (!a.services().isEmpty()) {
            lines.add(new String[]{"Services", serviceNames(a)});
        }
        if (a.status() != null) {
            lines.add(new String[]{"État", a.kind() == AlertKind.RESOLVED ? "Résolu" : status(a.status())});
        }
        if (a.cause() == Cause.UNKNOWN) {
            lines.add(new String[]{"Cause", cause(a.cause())});
        } else if (a.cause() != null) {
            lines.add(new String[]{"Cause probable", cause(a.cause())});
        }
        if (!a.evidence().isEmpty()) {
            lines.add(new String[]{"Éléments", String.join(" ; ", a.evidence())});
        }
        if (a.startedAt() != null) {
            lines.add(new String[]{"Début", time(a.startedAt())});
        }
        if (a.resolvedAt() != null) {
            lines.add(new String[]{"Fin", time(a.resolvedAt())});
        }
        if (a.message() != null && a.kind() == AlertKind.FORECAST) {
            lines.add(new String[]{"Incertitude", a.message()});
        } else if (a.message() != null && a.kind() != AlertKind.INTERNAL) {
            lines.add(new String[]{"Message", a.message()});
        }
        if (a.link() != null) {
            lines.add(new String[]{"Lien", a.link()});
        }
        return lines;
    }

    /** Plain text body (e-mail). */
    public String plain(Alert a) {
        StringBuilder b = new StringBuilder(subject(a)).append("\n\n");
        if (a.kind() == AlertKind.INTERNAL && a.message() != null) {
            b.append(a.message()).append("\n\n");
        }
        for (String[] f : fields(a)) {
            b.append(f[0]).append(" : ").append(f[1]).append('\n');
        }
        return b.toString();
    }

    /** Markdown body (Slack mrkdwn and Mattermost both read *bold* / **bold** loosely; we use single stars). */
    public String markdown(Alert a, String bold) {
        StringBuilder b = new StringBuilder(bold).append(subject(a)).append(bold).append('\n');
        if (a.kind() == AlertKind.INTERNAL && a.message() != null) {
            b.append(a.message()).append('\n');
        }
        for (String[] f : fields(a)) {
            b.append(bold).append(f[0]).append(bold).append(" : ").append(f[1]).append('\n');
        }
        return b.toString().stripTrailing();
    }

    /** HTML body (Matrix {@code formatted_body}, e-mail alternative); every value is escaped. */
    public String html(Alert a) {
        StringBuilder b = new StringBuilder("<p><strong>").append(escape(subject(a))).append("</strong></p>");
        if (a.kind() == AlertKind.INTERNAL && a.message() != null) {
            b.append("<p>").append(escape(a.message())).append("</p>");
        }
        b.append("<ul>");
        for (String[] f : fields(a)) {
            String value = "Lien".equals(f[0])
                    ? "<a href=\"" + escape(f[1]) + "\">" + escape(f[1]) + "</a>" : escape(f[1]);
            b.append("<li><strong>").append(escape(f[0])).append("</strong> : ").append(value).append("</li>");
        }
        return b.append("</ul>").toString();
    }

    public String heading(AlertKind kind) {
        return switch (kind) {
            case OPENED -> "Incident ouvert";
            case UPDATED -> "Incident mis à jour";
            case REMINDER -> "Incident toujours en cours";
            case RESOLVED -> "Incident résolu";
            case INTERNAL -> "Alerte interne";
            case FORECAST -> "Prévision de saturation";
        };
    }

    public static String status(Status s) {
        if (s == null) {
            return "inconnu";
        }
        return switch (s) {
            case OPERATIONAL -> "Opérationnel";
            case UNDER_MAINTENANCE -> "En maintenance";
            case DEGRADED_PERFORMANCE -> "Performances dégradées";
            case PARTIAL_OUTAGE -> "Panne partielle";
            case MAJOR_OUTAGE -> "Panne majeure";
        };
    }

    /**
     * "cause probable : saturation (…)", or "cause en cours d'analyse" while the classifier's confidence is below
     * its publication bar ({@link Cause#UNKNOWN}): nothing is named, not even as probable.
     */
    public static String causePhrase(Cause c) {
        return c == null || c == Cause.UNKNOWN ? "cause en cours d'analyse" : "cause probable : " + cause(c);
    }

    public static String cause(Cause c) {
        if (c == null) {
            return "en cours d'analyse";
        }
        return switch (c) {
            case NONE -> "aucune";
            case SATURATION -> "saturation (afflux d'utilisateurs)";
            case ATTACK -> "attaque probable (déni de service)";
            case STORAGE -> "stockage (disque plein ou indisponible)";
            case NETWORK -> "réseau";
            case APPLICATION -> "erreur applicative";
            case MAINTENANCE -> "maintenance";
            case VANTAGE -> "problème côté sonde Vigie";
            case UNKNOWN -> "en cours d'analyse";
        };
    }

    public String time(Instant t) {
        return WHEN.format(t.atZone(zone)) + " (" + zone.getId() + ")";
    }

    private static String serviceNames(Alert a) {
        return a.services().stream().map(ServiceRef::name).collect(Collectors.joining(", "));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** jsoup's escaper, set as statuspage's {@code Html.escape}: safe in text and in quoted attributes. */
    private static String escape(String s) {
        return Entities.escape(s, HTML);
    }
}
