package fr.vigie.simulator.fast;

import fr.vigie.simulator.Capacity;
import fr.vigie.simulator.Flavour;

/**
 * One probed target of a fast run.
 *
 * @param id           target id
 * @param journey      journey template name (e.g. open-ent-ng-write), decides the steps
 * @param hostingGroup its host
 * @param capacity     the host's capacity (the first target of a group decides)
 */
public record FastTarget(String id, String journey, String hostingGroup, Capacity capacity) {
    public Flavour flavour() {
        return Flavour.forJourney(journey);
    }

    public boolean writes() {
        return journey.endsWith("-write");
    }
}
