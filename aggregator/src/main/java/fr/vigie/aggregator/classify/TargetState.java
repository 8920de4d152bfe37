package fr.vigie.aggregator.classify;

import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Status;
import fr.vigie.aggregator.Verdict;
import fr.vigie.config.TargetKind;
import fr.vigie.probes.StepResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Everything the classifier remembers about one target: the round being collected, baselines, hysteresis. */
final class TargetState {
    static final int HISTORY = 24;
    static final int EPISODE = 12;
    static final int MAX_OPEN_ROUNDS = 3;

    final String id;
    final String group;
    final TargetKind kind;
    /** school holiday zone A, B or C; null for national services */
    final String holidayZone;
    /** Steps one run should report per the journey, or 0 when unknown (then a new run id closes the round). */
    final int expectedSteps;
    /** Steps this target's runs were seen to report (learnt when a new run id closed a round), 0 until then. */
    int roundSize;
    int runsSeen;
    final Baselines baselines = new Baselines();
    /** Runs still reporting, oldest first. */
    final Map<String, List<StepResult>> runs = new LinkedHashMap<>();
    /** Recently judged runs: their late results are stragglers. */
    final Set<String> finished = new LinkedHashSet<>();
    final List<RoundAssessment> history = new ArrayList<>();
    /** Rounds of the open episode (its bad streak, then every round while open), at most {@link #EPISODE}. */
    final List<RoundAssessment> episode = new ArrayList<>();
    int consecutiveBad;
    int consecutiveGood;
    boolean open;
    /** status published before the current episode: kept when the episode is the prober's fault */
    Status statusBefore = Status.OPERATIONAL;
    Onset onset;
    Verdict published;
    Cause publishedCause = Cause.NONE;

    TargetState(String id, String group, TargetKind kind, int expectedSteps, String holidayZone) {
        this.id = id;
        this.holidayZone = holidayZone;
        this.group = group;
        this.kind = kind;
        this.expectedSteps = expectedSteps;
    }

    void rememberInEpisode(RoundAssessment a) {
        episode.add(a);
        if (episode.size() > EPISODE) {
            episode.remove(0);
        }
    }

    void remember(RoundAssessment a) {
        history.add(a);
        if (history.size() > HISTORY) {
            history.remove(0);
        }
    }
}
