package fr.vigie.config;

import java.time.LocalDate;
import java.util.Set;

/**
 * A school morning the operator expects to be heavier than usual ({@code calendar.special-days}): the first day of
 * distance learning, a national exam's results, a rentrée moved by decree. The headroom forecast multiplies the
 * expected load of that morning by {@code loadFactor}.
 *
 * @param zones holiday zones concerned (A, B, C); empty: every zone and national services
 */
public record SpecialDay(LocalDate date, String name, Kind kind, Set<String> zones, double loadFactor) {
    public enum Kind { DISTANCE_LEARNING, RENTREE, RETURN_FROM_HOLIDAYS, OTHER }

    public SpecialDay {
        zones = Set.copyOf(zones);
    }

    /** Whether it concerns a target of {@code zone} (null: a national service, concerned by every special day). */
    public boolean concerns(String zone) {
        return zones.isEmpty() || zone == null || zones.contains(zone);
    }
}
