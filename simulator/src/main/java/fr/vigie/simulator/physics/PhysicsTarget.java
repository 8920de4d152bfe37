package fr.vigie.simulator.physics;

import java.util.List;

/**
 * One probed target as the physics model sees it.
 *
 * @param id      target id
 * @param journey journey name from the fleet file
 * @param group   hosting group (shared route, DNS provider and capacity plan); the target id when the file has none
 * @param control true for a control target (healthy by construction: fails only when the vantage does)
 * @param steps   the journey's steps, in order
 * @param index   position in the fleet file (used to spread round offsets and random streams)
 */
record PhysicsTarget(String id, String journey, String group, boolean control, List<JourneySteps.Step> steps,
                     int index) {

    /** The front end's family, from the journey name: decides what an overloaded front answers (see FrontEnd). */
    String family() {
        if (journey.startsWith("open-ent-ng")) {
            return "open-ent-ng";
        }
        if (journey.startsWith("kosmos")) {
            return "kosmos";
        }
        if (journey.startsWith("cas")) {
            return "cas";
        }
        if (journey.startsWith("cned")) {
            return "cned";
        }
        return journey;
    }

    boolean writes() {
        return steps.stream().anyMatch(s -> s.kind().equals("write"));
    }
}
