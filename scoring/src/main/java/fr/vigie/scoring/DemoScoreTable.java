package fr.vigie.scoring;

import fr.vigie.aggregator.Quantiles;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The demo's French rendering of a {@link ScoreReport}: one language, figures named so that they cannot seem to
 * contradict, and a legend. {@link ScoreReport#render()} stays the English, machine-read output of ScoreMain.
 */
public final class DemoScoreTable {
    private DemoScoreTable() {
    }

    /**
     * Short French cause names, the status page's words. The aggregator's CauseNames is package-private, so they are
     * repeated here rather than widening its API.
     */
    static String causeFr(String wire) {
        return switch (wire) {
            case "saturation" -> "saturation";
            case "attack" -> "attaque";
            case "storage" -> "stockage";
            case "network" -> "réseau/hébergement";
            case "application" -> "application";
            case "maintenance" -> "maintenance";
            case "vantage" -> "point de mesure";
            default -> wire;
        };
    }

    public static String render(ScoreReport r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%d services évalués sur %s%n", r.targets(),
                seconds(Duration.between(r.horizonStart(), r.horizonEnd()))));
        out.append(String.format(Locale.ROOT, "%-19s %8s %8s %7s %8s %8s %9s %6s%n", "cause", "segments",
                "détectés", "rappel", "alertes", "justes", "précision", "F1"));
        int wrongCause = 0;
        for (CauseScore c : r.perCause()) {
            out.append(String.format(Locale.ROOT, "%-19s %8d %8d %7s %8d %8d %9s %6s%n", causeFr(c.cause()),
                    c.truthSegments(), c.detected(), ratio(c.recall()), c.alarms(), c.correctAlarms(),
                    ratio(c.precision()), ratio(c.f1())));
            wrongCause += c.alarms() - c.correctAlarms();
        }
        int segments = r.perCause().stream().mapToInt(CauseScore::truthSegments).sum();
        out.append(String.format(Locale.ROOT, "segments de panne (un par service et par panne injectée) : %d%n",
                segments));
        out.append(String.format(Locale.ROOT, "macro-F1 : %s%n", ratio(r.macroF1())));
        out.append(String.format(Locale.ROOT, "délai de détection (tout statut dégradé) : médiane %s, pire %s, n=%d%n",
                seconds(Quantiles.median(r.detectionDelays())), seconds(ScoreReport.worst(r.detectionDelays())),
                r.detectionDelays().size()));
        out.append(String.format(Locale.ROOT, "délai de détection (bonne cause) : médiane %s, pire %s, n=%d, "
                        + "segments manqués %d%n", seconds(Quantiles.median(r.classificationDelays())),
                seconds(ScoreReport.worst(r.classificationDelays())), r.classificationDelays().size(),
                r.missed().size()));
        out.append(String.format(Locale.ROOT, "fausses alertes (service sans panne injectée) : %d sur %s heures-service "
                + "sans panne%n", r.falseAlarms(), number(r.faultFree().toMillis() / 3_600_000.0)));
        out.append(String.format(Locale.ROOT, "alertes sans segment de même cause (cause erronée, ou alerte hors "
                + "panne) : %d%n", wrongCause));
        out.append(String.format(Locale.ROOT, "oscillations : %d sur %d segments de panne%n", r.flaps(), r.incidents()));
        for (TruthSegment m : r.missed()) {
            out.append(String.format(Locale.ROOT, "manqué : %s %s %s -> %s%n", m.target(), causeFr(m.cause()),
                    m.start(), m.end()));
        }
        out.append(LEGEND);
        return out.toString();
    }

    static final String LEGEND = String.join("\n",
            "Légende :",
            "  segments : pannes injectées de cette cause, une par service touché (la page regroupe ces services"
                    + " en incidents, d'où moins d'incidents affichés que de segments) ;",
            "  détectés : segments pendant lesquels le service a reçu un statut dégradé nommant cette cause ;",
            "  rappel : détectés / segments ;",
            "  alertes : périodes continues où un service a été publié avec cette cause ;",
            "  justes : alertes chevauchant un segment du même service et de la même cause ;",
            "  précision : justes / alertes ; F1 : moyenne harmonique du rappel et de la précision ;",
            "  macro-F1 : moyenne des F1 des lignes ;",
            "  fausses alertes : alertes commencées sur un service pendant qu'aucune panne n'y était injectée ;",
            "  alertes sans segment de même cause : alertes - justes, somme des lignes ; elles comprennent les"
                    + " causes erronées sur une panne réelle, qui ne sont pas des fausses alertes ;",
            "  oscillations : changements de statut annulés peu après, pendant une panne.",
            "") + "\n";

    private static String ratio(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String seconds(Duration d) {
        return d == null ? "-" : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
