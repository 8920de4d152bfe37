package fr.vigie.config;

import java.util.List;

/**
 * A named, reusable list of steps. Shipped templates (open-ent-ng, cas, kosmos, educonnect, cned)
 * are merged with the config's own journeys; a config may define new ones.
 */
public record Journey(String name, String description, List<Step> steps) {
    public Journey {
        steps = List.copyOf(steps);
    }
}
