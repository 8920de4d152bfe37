package fr.vigie.alerts.silence;

import fr.vigie.alerts.routing.IncidentLabels;

import java.util.List;
import java.util.Objects;

/**
 * One condition of a silence: a label ({@code target}, {@code kind}, {@code region}, {@code academie},
 * {@code hosting}, {@code cause}, {@code status}, {@code incident}, {@code scope}) and the value it must have
 * (case-insensitive equality).
 */
public record SilenceMatcher(String label, String value) {
    private static final List<String> LABELS = List.of("target", "kind", "region", "academie", "académie",
            "academy", "hosting", "hostinggroup", "hosting_group", "cause", "status", "incident", "scope");

    public SilenceMatcher {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
        if (!LABELS.contains(label.trim().toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("unknown silence label '" + label + "', expected one of " + LABELS);
        }
    }

    public boolean matches(IncidentLabels labels) {
        return IncidentLabels.anyMatch(List.of(value), labels.values(label));
    }
}
