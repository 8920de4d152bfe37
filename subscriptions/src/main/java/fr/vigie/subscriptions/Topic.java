package fr.vigie.subscriptions;

import fr.vigie.config.Target;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a subscriber follows: everything, one service, one region or one académie. Its wire form
 * ({@code tout}, {@code service:ent77}, {@code region:Île-de-France}, {@code academie:Créteil}) is what the form
 * posts and the store keeps.
 */
public record Topic(Kind kind, String value) {
    public enum Kind { ALL, SERVICE, REGION, ACADEMY }

    public static final Topic ALL = new Topic(Kind.ALL, "");

    public String wire() {
        return switch (kind) {
            case ALL -> "tout";
            case SERVICE -> "service:" + value;
            case REGION -> "region:" + value;
            case ACADEMY -> "academie:" + value;
        };
    }

    /** Parses a wire form that names something watched by {@code targets}; empty otherwise. */
    public static Optional<Topic> parse(String wire, List<Target> targets) {
        if (wire == null) {
            return Optional.empty();
        }
        String text = wire.trim();
        if (text.equals("tout")) {
            return Optional.of(ALL);
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String prefix = text.substring(0, colon).toLowerCase(Locale.ROOT);
        String value = text.substring(colon + 1);
        Topic topic = switch (prefix) {
            case "service" -> new Topic(Kind.SERVICE, value);
            case "region" -> new Topic(Kind.REGION, value);
            case "academie" -> new Topic(Kind.ACADEMY, value);
            default -> null;
        };
        // Only what the configuration watches: nothing free-form reaches the store.
        return topic != null && targets.stream().anyMatch(topic::covers) ? Optional.of(topic) : Optional.empty();
    }

    /** True when an incident touching {@code target} concerns this topic's subscribers. */
    public boolean covers(Target target) {
        return switch (kind) {
            case ALL -> true;
            case SERVICE -> target.id().equals(value);
            case REGION -> value.equals(target.region());
            case ACADEMY -> target.academies() != null && target.academies().contains(value);
        };
    }

    /** How the topic is named in messages and pages: "tous les services", "Île-de-France (région)". */
    public String label(List<Target> targets) {
        return switch (kind) {
            case ALL -> "tous les services";
            case SERVICE -> targets.stream().filter(t -> t.id().equals(value)).map(Target::name).findFirst()
                    .orElse(value);
            case REGION -> value + " (région)";
            case ACADEMY -> "académie de " + value;
        };
    }
}
