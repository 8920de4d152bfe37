package fr.vigie.aggregator.incident;

import fr.vigie.aggregator.AggregatorSections;
import fr.vigie.aggregator.Cause;
import fr.vigie.config.Target;

import java.util.Locale;

/**
 * Which incident a failing target joins: one per hosting group and cause ({@code hosting:<group>}), one per
 * target when it has no group ({@code target:<id>}), and a single {@code vantage} scope for the prober's faults.
 * Derived from config and cause only, so it is recomputed identically when the log is replayed.
 */
final class IncidentScope {
    private final AggregatorSections config;

    IncidentScope(AggregatorSections config) {
        this.config = config;
    }

    String of(String target, Cause cause) {
        if (cause == Cause.VANTAGE) {
            return "vantage";
        }
        String group = config.target(target).map(Target::hostingGroup).orElse(null);
        return group == null || group.isBlank() ? "target:" + target : "hosting:" + group;
    }

    static String slug(String scope) {
        String s = scope.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "x" : s;
    }

    /** "saturation", "attaque probable"... for automatic French summaries. */
    static String causeFr(Cause c) {
        return switch (c) {
            case SATURATION -> "saturation";
            case ATTACK -> "attaque probable";
            case STORAGE -> "panne de stockage";
            case NETWORK -> "panne réseau";
            case APPLICATION -> "erreur applicative";
            case MAINTENANCE -> "maintenance";
            case VANTAGE -> "problème de la sonde Vigie";
            case UNKNOWN -> "cause en cours d'analyse";
            case NONE -> "cause indéterminée";
        };
    }
}
