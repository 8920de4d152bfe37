package fr.vigie.subscriptions.mail;

import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Status;
import fr.vigie.alerts.content.Alert;
import fr.vigie.alerts.content.ServiceRef;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The French words of the messages to subscribers: cautious ("cause probable"), plain text first, the HTML
 * alternative saying the same with every value escaped.
 */
public final class SubscriberTexts {
    private static final Document.OutputSettings XHTML = new Document.OutputSettings()
            .escapeMode(Entities.EscapeMode.xhtml).charset("UTF-8");

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH:mm", Locale.FRENCH);
    private final String siteTitle;
    private final ZoneId zone;

    public SubscriberTexts(String siteTitle, ZoneId zone) {
        this.siteTitle = siteTitle;
        this.zone = zone;
    }

    public String when(Instant at) {
        return WHEN.format(at.atZone(zone));
    }

    public static String status(Status status) {
        if (status == null) {
            return "état inconnu";
        }
        return switch (status) {
            case OPERATIONAL -> "fonctionne normalement";
            case UNDER_MAINTENANCE -> "en maintenance";
            case DEGRADED_PERFORMANCE -> "ralenti";
            case PARTIAL_OUTAGE -> "panne partielle";
            case MAJOR_OUTAGE -> "panne majeure";
            default -> "état inconnu";
        };
    }

    /** "cause probable : saturation (affluence)", or "cause en cours d'analyse" below the publication bar. */
    public static String cause(Cause cause) {
        if (cause == null || cause == Cause.UNKNOWN || cause == Cause.NONE || cause == Cause.VANTAGE) {
            return "cause en cours d'analyse";
        }
        return "cause probable : " + switch (cause) {
            case SATURATION -> "saturation (affluence)";
            case ATTACK -> "attaque (trafic malveillant)";
            case STORAGE -> "stockage (disque plein ou en panne)";
            case NETWORK -> "réseau (service injoignable)";
            case APPLICATION -> "erreur de l'application";
            case MAINTENANCE -> "maintenance";
            default -> "en cours d'analyse";
        };
    }

    public static String services(List<ServiceRef> services) {
        return services.stream().map(ServiceRef::name).collect(Collectors.joining(", "));
    }

    public String incidentSubject(Alert alert) {
        boolean resolved = alert.resolvedAt() != null;
        return "[" + siteTitle + "] " + (resolved ? "Rétabli : " : "Perturbation : ") + services(alert.services())
                + (resolved ? "" : " – " + status(alert.status()));
    }

    /** The incident part of a message, plain text. */
    public String incidentPlain(Alert alert) {
        StringBuilder out = new StringBuilder();
        if (alert.resolvedAt() != null) {
            out.append("Le service fonctionne de nouveau : ").append(services(alert.services())).append(".\n")
                    .append("Perturbation du ").append(when(alert.startedAt())).append(" au ")
                    .append(when(alert.resolvedAt())).append(".\n");
        } else {
            out.append("Perturbation en cours depuis le ").append(when(alert.startedAt())).append(" : ")
                    .append(services(alert.services())).append(" – ").append(status(alert.status())).append(".\n")
                    .append(capitalised(cause(alert.cause()))).append(".\n");
            if (!alert.evidence().isEmpty()) {
                out.append("\nCe que montrent les mesures :\n");
                alert.evidence().forEach(e -> out.append("- ").append(e).append('\n'));
            }
        }
        if (alert.message() != null && !alert.message().isBlank()) {
            out.append("\nMessage de la cellule de crise :\n").append(alert.message()).append('\n');
        }
        if (alert.link() != null) {
            out.append("\nDétails et chronologie : ").append(alert.link()).append('\n');
        }
        return out.toString();
    }

    public String incidentHtml(Alert alert) {
        StringBuilder out = new StringBuilder();
        if (alert.resolvedAt() != null) {
            out.append("<p><strong>Le service fonctionne de nouveau :</strong> ").append(esc(services(alert.services())))
                    .append(".</p><p>Perturbation du ").append(esc(when(alert.startedAt()))).append(" au ")
                    .append(esc(when(alert.resolvedAt()))).append(".</p>");
        } else {
            out.append("<p><strong>Perturbation en cours</strong> depuis le ").append(esc(when(alert.startedAt())))
                    .append(" : ").append(esc(services(alert.services()))).append(" – ")
                    .append(esc(status(alert.status()))).append(".</p><p>")
                    .append(esc(capitalised(cause(alert.cause())))).append(".</p>");
            if (!alert.evidence().isEmpty()) {
                out.append("<p>Ce que montrent les mesures :</p><ul>");
                alert.evidence().forEach(e -> out.append("<li>").append(esc(e)).append("</li>"));
                out.append("</ul>");
            }
        }
        if (alert.message() != null && !alert.message().isBlank()) {
            out.append("<p>Message de la cellule de crise :</p><blockquote>").append(esc(alert.message()))
                    .append("</blockquote>");
        }
        if (alert.link() != null) {
            out.append("<p><a href=\"").append(esc(alert.link())).append("\">Détails et chronologie</a></p>");
        }
        return out.toString();
    }

    /** The footer of every message: why they receive it, how to change it, how to stop it. */
    public String footerPlain(String following, String manage, String unsubscribe) {
        return "\n--\nVous recevez ce message parce que vous suivez : " + following + ".\n"
                + "Modifier vos choix : " + manage + "\n"
                + "Vous désabonner (votre adresse est alors effacée) : " + unsubscribe + "\n";
    }

    public String footerHtml(String following, String manage, String unsubscribe) {
        return "<hr><p>Vous recevez ce message parce que vous suivez : " + esc(following) + ".<br>"
                + "<a href=\"" + esc(manage) + "\">Modifier vos choix</a> · "
                + "<a href=\"" + esc(unsubscribe) + "\">Vous désabonner</a> (votre adresse est alors effacée)</p>";
    }

    public String confirmSubject() {
        return "[" + siteTitle + "] Confirmez votre abonnement";
    }

    public String confirmPlain(String following, String link, Instant until) {
        return "Bonjour,\n\nQuelqu'un, probablement vous, a demandé à recevoir par courriel les alertes de "
                + siteTitle + " pour : " + following + ".\n\n"
                + "Pour confirmer, ouvrez ce lien puis validez (valable jusqu'au " + when(until) + ") :\n" + link
                + "\n\nSi vous n'êtes pas à l'origine de cette demande, ignorez ce message : sans confirmation, "
                + "votre adresse est effacée et vous ne recevrez rien d'autre.\n";
    }

    public String confirmHtml(String following, String link, Instant until) {
        return "<p>Bonjour,</p><p>Quelqu'un, probablement vous, a demandé à recevoir par courriel les alertes de "
                + esc(siteTitle) + " pour : " + esc(following) + ".</p>"
                + "<p><a href=\"" + esc(link) + "\">Confirmer mon abonnement</a> (lien valable jusqu'au "
                + esc(when(until)) + ").</p>"
                + "<p>Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : sans confirmation, "
                + "votre adresse est effacée et vous ne recevrez rien d'autre.</p>";
    }

    public String alreadySubject() {
        return "[" + siteTitle + "] Votre abonnement";
    }

    public String alreadyPlain(String following) {
        return "Bonjour,\n\nUne nouvelle demande d'abonnement a été faite pour cette adresse, qui est déjà abonnée ("
                + following + "). Rien n'a été changé.\n";
    }

    public String alreadyHtml(String following) {
        return "<p>Bonjour,</p><p>Une nouvelle demande d'abonnement a été faite pour cette adresse, qui est déjà "
                + "abonnée (" + esc(following) + "). Rien n'a été changé.</p>";
    }

    /** The project's one HTML escaper, jsoup's (as statuspage's {@code Html} and the alerts' {@code FrenchText}). */
    public static String esc(String text) {
        return text == null ? "" : Entities.escape(text, XHTML);
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
