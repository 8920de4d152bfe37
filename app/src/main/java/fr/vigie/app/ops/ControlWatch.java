package fr.vigie.app.ops;

import fr.vigie.aggregator.Aggregator;
import fr.vigie.aggregator.AggregatorListener;
import fr.vigie.aggregator.Verdict;
import fr.vigie.config.Target;
import fr.vigie.config.TargetKind;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The control targets failing now, for {@code /readyz}: kept from the verdicts as they come, so that a health check
 * never waits on the aggregator's lock. A failing control opens no incident (IncidentManager): this is where the
 * operator sees it, with the aggregator's warning in the log.
 */
public final class ControlWatch implements AggregatorListener, Supplier<List<String>> {
    private final List<String> controls;
    private final Set<String> failing = ConcurrentHashMap.newKeySet();

    /** @param current the aggregator's latest verdicts at start (restored from the store) */
    public ControlWatch(List<Target> targets, Map<String, Verdict> current) {
        this.controls = targets.stream().filter(t -> t.kind() == TargetKind.CONTROL).map(Target::id).toList();
        current.values().forEach(this::onVerdict);
    }

    @Override
    public void onVerdict(Verdict v) {
        if (!controls.contains(v.target())) {
            return;
        }
        if (Aggregator.failing(v)) {
            failing.add(v.target());
        } else {
            failing.remove(v.target());
        }
    }

    /** Failing control targets, in configuration order. */
    @Override
    public List<String> get() {
        return controls.stream().filter(failing::contains).toList();
    }
}
