package fr.vigie.simulator.physics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Base of a mechanism that holds on a set of targets during one window, with one truth segment per target.
 */
abstract class TargetedFault implements Mechanism {
    protected final List<String> targets;
    protected final Window window;
    protected final String variant;
    protected final double intensity;

    TargetedFault(List<String> targets, Window window, String variant, double intensity) {
        this.targets = List.copyOf(targets);
        this.window = window;
        this.variant = variant;
        this.intensity = intensity;
    }

    /** The cause a perfect classifier names. */
    abstract String cause();

    /** Shapes a step already known to be on one of the targets inside the window; level ramps 0..1. */
    abstract void apply(PhysicsTarget target, double level, Conditions c);

    @Override
    public final void shape(PhysicsTarget target, java.time.Instant t, Conditions c) {
        shapeAt(target, t, c);
    }

    /** Default: applies inside the window on the targets, at the window's ramp level. */
    public void shapeAt(PhysicsTarget target, java.time.Instant t, Conditions c) {
        if (window.holds(t) && targets.contains(target.id())) {
            apply(target, window.level(t), c);
        }
    }

    @Override
    public List<Segment> segments() {
        List<Segment> out = new ArrayList<>();
        for (String t : targets) {
            out.add(new Segment(t, name(), cause(), window.start(), window.end(), variant, intensity));
        }
        return out;
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mechanism", name());
        m.put("targets", targets);
        m.put("start", window.start().toString());
        m.put("end", window.end().toString());
        m.put("variant", variant);
        m.put("intensity", intensity);
        return m;
    }
}
