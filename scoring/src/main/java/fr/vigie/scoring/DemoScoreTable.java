package fr.vigie.scoring;

import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.IncidentEvent;
import fr.vigie.aggregator.Quantiles;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The demo's French rendering of a {@link ScoreReport}: one language, figures named so that they cannot seem to
 * contradict, the incidents as the public page shows them beside the fault segments the score counts, and a legend
 * that explains every line. {@link ScoreReport#render()} stays the English, machine-read output of ScoreMain.
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
            case "unknown" -> "cause en cours d'analyse";
            case "none" -> "aucune";
            default -> wire;
        };
    }

    /** Incidents listed one by one under their count; beyond, only how many more. */
    static final int LISTED_INCIDENTS = 20;

    /**
     * @param incidents the incidents of the run, each in its last state (as the site folds them); the vantage ones
     *                  are left out as the site leaves them out ({@link Incident#isPublic()})
     */
    public static String render(ScoreReport r, List<Incident> incidents) {
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
        List<Incident> shown = incidents.stream().filter(Incident::isPublic).toList();
        out.append(String.format(Locale.ROOT, "incidents publiés sur la page (un par hébergement touché, ou par "
                + "service sans hébergement connu) : %d%n", shown.size()));
        for (Incident i : shown.subList(0, Math.min(shown.size(), LISTED_INCIDENTS))) {
            int services = touched(i).size();
            out.append(String.format(Locale.ROOT, "  %s : %s, %d service%s%s%n", i.id(), causeFr(i.cause().wire()),
                    services, services > 1 ? "s" : "", i.open() ? ", en cours" : ""));
        }
        if (shown.size() > LISTED_INCIDENTS) {
            out.append(String.format(Locale.ROOT, "  … et %d autres%n", shown.size() - LISTED_INCIDENTS));
        }
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

    /** Every service an incident has named, in any of its updates (the site lists the last ones). */
    private static Set<String> touched(Incident i) {
        Set<String> out = new LinkedHashSet<>(i.targets());
        for (IncidentEvent e : i.updates()) {
            out.addAll(e.targets());
        }
        return out;
    }

    static final String LEGEND = String.join("\n",
            "Légende :",
            "  services évalués : services dont Vigie a rendu un verdict ou touchés par une panne injectée, sur la"
                    + " durée indiquée (le scénario et le temps laissé pour voir les rétablissements) ;",
            "  une ligne par cause injectée ou publiée ; une cause publiée sans panne injectée de cette cause a un"
                    + " rappel « - » et un F1 de 0, et compte comme les autres dans le macro-F1 ;",
            "  segments : pannes injectées de cette cause, une par service touché ;",
            "  détectés : segments pendant lesquels le service a reçu un statut dégradé nommant cette cause ;",
            "  rappel : détectés / segments ;",
            "  alertes : périodes continues où un service a été publié avec cette cause (par service : ce ne sont"
                    + " pas les alertes envoyées à la cellule de crise, qui sont par incident) ;",
            "  justes : alertes chevauchant un segment du même service et de la même cause ;",
            "  précision : justes / alertes ; F1 : moyenne harmonique du rappel et de la précision ;",
            "  segments de panne : somme de la colonne segments ;",
            "  incidents publiés sur la page : les incidents de la page de statut (hors incidents du point de mesure, que la"
                    + " page ne montre pas), comme la page les regroupe : les services d'un même hébergement"
                    + " touchés ensemble forment un incident, un service sans hébergement connu a le sien ; d'où moins"
                    + " d'incidents que de segments ; chacun avec sa cause et le nombre de services qu'il a comptés ;",
            "  macro-F1 : moyenne des F1 des lignes ;",
            "  délai de détection (tout statut dégradé) : du début d'un segment au premier statut dégradé du"
                    + " service, quelle que soit la cause ; médiane et pire sur les n segments détectés ainsi ;",
            "  délai de détection (bonne cause) : du début d'un segment au premier statut nommant la cause"
                    + " injectée ; segments manqués : ceux où elle n'a jamais été nommée (listés « manqué : ») ;",
            "  fausses alertes : alertes commencées sur un service pendant qu'aucune panne n'y était injectée,"
                    + " rapportées aux heures-service sans panne ;",
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
