package fr.vigie.simulator.physics;

import java.time.Instant;
import java.util.List;

/**
 * One physical mechanism active on a morning: it shapes the conditions of the steps it reaches and declares the
 * fault segments (ground truth) it causes. Mechanisms that are not faults (ordinary rush, background noise)
 * declare none.
 */
interface Mechanism {
    /** A fault segment on one target; the cause is the scorer's vocabulary. */
    record Segment(String target, String fault, String cause, Instant start, Instant end, String variant,
                   double intensity) {
    }

    /** Short name written in the plan (e.g. {@code syn_flood}). */
    String name();

    /** Shapes the conditions of one step of {@code target} at {@code t}. */
    void shape(PhysicsTarget target, Instant t, Conditions c);

    /** The ground truth it causes (may be computed from the model, e.g. where demand exceeds capacity). */
    List<Segment> segments();

    /** Parameters for the plan file. */
    java.util.Map<String, Object> describe();
}
