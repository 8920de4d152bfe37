package fr.vigie.aggregator.classify;

import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Evidence;
import fr.vigie.config.TargetKind;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** The evidence sentences of an episode verdict: the latest round's figures, then what the episode adds. */
final class EpisodeWords {
    private final ZoneId zone;
    private final UnaryOperator<String> hostingName;

    /** @param hostingName the readable name of a hosting group id (the public reads it, never the id) */
    EpisodeWords(ZoneId zone, UnaryOperator<String> hostingName) {
        this.zone = zone;
        this.hostingName = hostingName;
    }

    List<Evidence> of(TargetState t, RoundAssessment latest, EpisodeCauses.Finding f, Cause published,
                      int affectedInGroup, double confidence) {
        List<Evidence> evidence = new ArrayList<>(latest.evidence());
        if (f.ambiguous()) {
            evidence.add(Words.of("connexions perdues vers ce seul service : serveur arrêté, perte de paquets ou "
                            + "inondation de son adresse, indiscernables de l'extérieur",
                    "connections lost to this service alone: a stopped server, packet loss or a flood on its address,"
                            + " which look alike from outside"));
        }
        if (f.offPeak()) {
            evidence.add(Words.of("surcharge hors de la pointe scolaire, sur ce seul service : afflux inhabituel ou "
                            + "attaque applicative, indiscernables sans page de défi",
                    "overload outside the school rush, on this service alone: an unusual crowd or an application-layer"
                            + " flood, which look alike without a challenge page"));
        }
        if (f.crowdAbsent() && !f.offPeak()) {
            evidence.add(Words.of("surcharge sur ce seul service, ses voisins du même hébergeur répondent à leur vitesse "
                            + "habituelle : service sous-dimensionné ou attaque applicative, indiscernables sans page de défi",
                    "overload on this service alone, its neighbours on the same host answer at their usual speed: an"
                            + " under-sized service or an application-layer flood, which look alike without a challenge page"));
        }
        if (f.storageUnconfirmed()) {
            evidence.add(Words.of("écritures en échec sans message de stockage, pas encore confirmé (ou lectures en échec "
                            + "aussi) : stockage non établi",
                    "writes failing without a storage message, not yet confirmed (or reads failing too): storage not"
                            + " established"));
        }
        if (f.manyHosts()) {
            evidence.add(Words.of("connexions perdues chez plusieurs hébergeurs à la fois : le chemin de la sonde Vigie "
                            + "est peut-être en cause",
                    "connections lost at several hosts at once: Vigie's own probing path may be at fault"));
        }
        if (f.streaks() >= 2 && f.cause() == Cause.ATTACK) {
            evidence.add(Words.of("défaillances par vagues (" + f.streaks() + " depuis le début)",
                    "failures in waves (" + f.streaks() + " so far)"));
        }
        if (affectedInGroup >= 2 && published != Cause.VANTAGE) {
            String what = t.kind == TargetKind.ENT ? "ENT" : "services";
            String host = hostingName.apply(t.group);
            evidence.add(Words.of(affectedInGroup + " " + what + " du même hébergeur (" + host + ") touchés",
                    affectedInGroup + " " + (t.kind == TargetKind.ENT ? "ENTs" : "services") + " of the same host ("
                            + host + ") affected"));
        }
        if (t.onset != null && published != Cause.VANTAGE && published != Cause.MAINTENANCE) {
            evidence.add(t.onset.evidence(zone));
        }
        if (published == Cause.UNKNOWN && f.cause() != Cause.UNKNOWN) {
            evidence.add(Words.of("cause en cours d'analyse : piste principale " + CauseNames.fr(f.cause())
                            + ", confiance " + Words.decimalFr(confidence) + " insuffisante pour la publier",
                    "cause under analysis: leading hypothesis " + CauseNames.en(f.cause()) + ", confidence "
                            + String.format(java.util.Locale.ROOT, "%.2f", confidence) + " too low to publish it"));
        }
        return evidence;
    }

    /** French and English names of the causes in evidence sentences. */
    static final class CauseNames {
        private CauseNames() {
        }

        static String fr(Cause c) {
            return switch (c) {
                case SATURATION -> "saturation";
                case ATTACK -> "attaque";
                case STORAGE -> "panne de stockage";
                case NETWORK -> "panne réseau ou d'hébergement";
                case APPLICATION -> "erreur applicative";
                case MAINTENANCE -> "maintenance";
                case VANTAGE -> "problème de la sonde";
                default -> "inconnue";
            };
        }

        static String en(Cause c) {
            return switch (c) {
                case SATURATION -> "saturation";
                case ATTACK -> "attack";
                case STORAGE -> "storage failure";
                case NETWORK -> "network or hosting outage";
                case APPLICATION -> "application fault";
                case MAINTENANCE -> "maintenance";
                case VANTAGE -> "probe-side problem";
                default -> "unknown";
            };
        }
    }
}
