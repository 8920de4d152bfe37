package fr.vigie.aggregator.classify;

import fr.vigie.probes.StepResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups one target's step results into rounds (journey runs). A round closes when it has as many results as this
 * target's runs report, or when it is the oldest of more than {@link #MAX_OPEN_ROUNDS} runs still reporting (a slow
 * run may overlap the next). Late results of a round already closed teach that runs are longer than learnt.
 */
final class RunBuffer {
    static final int MAX_OPEN_ROUNDS = 3;

    /** Steps one run should report per the journey, or 0 when unknown (then a new run id closes the round). */
    private final int expectedSteps;
    /** Steps this target's runs were seen to report (learnt when a new run id closed a round), 0 until then. */
    private int roundSize;
    private int runsSeen;
    private final Map<String, List<StepResult>> runs = new LinkedHashMap<>();
    private final Set<String> finished = new LinkedHashSet<>();

    RunBuffer(int expectedSteps) {
        this.expectedSteps = expectedSteps;
    }

    /** Adds one result; returns the rounds it completed, oldest first (often none). */
    List<List<StepResult>> add(String run, StepResult r) {
        List<List<StepResult>> done = new ArrayList<>(1);
        if (finished.contains(run)) {
            roundSize++; // a straggler of a round already judged: this target's runs are longer than learnt
            return done;
        }
        List<StepResult> round = runs.computeIfAbsent(run, k -> new ArrayList<>());
        round.add(r);
        int expected = roundSize > 0 ? roundSize : expectedSteps;
        if (expected > 0 && round.size() >= expected) {
            done.add(finish(run, false));
        }
        // Without a known size, a new run means the previous one is complete.
        int maxOpen = expected > 0 ? MAX_OPEN_ROUNDS : 1;
        while (runs.size() > maxOpen) {
            done.add(finish(runs.keySet().iterator().next(), true));
        }
        return done;
    }

    /** Every round still being collected, oldest first (end of a replay). */
    List<List<StepResult>> drain() {
        List<List<StepResult>> done = new ArrayList<>();
        while (!runs.isEmpty()) {
            done.add(finish(runs.keySet().iterator().next(), false));
        }
        return done;
    }

    boolean collecting() {
        return !runs.isEmpty();
    }

    private List<StepResult> finish(String run, boolean supersededByNewer) {
        List<StepResult> round = runs.remove(run);
        if (supersededByNewer && runsSeen > 0) {
            // not the very first run seen, which a trace may have cut
            roundSize = Math.max(roundSize, round.size());
        }
        runsSeen++;
        finished.add(run);
        if (finished.size() > MAX_OPEN_ROUNDS * 2) {
            finished.remove(finished.iterator().next());
        }
        return round;
    }
}
