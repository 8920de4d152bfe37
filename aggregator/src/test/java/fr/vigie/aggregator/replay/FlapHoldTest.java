package fr.vigie.aggregator.replay;

import fr.vigie.aggregator.Status;
import fr.vigie.aggregator.TestConfigs;
import fr.vigie.aggregator.TraceScenario;
import fr.vigie.aggregator.Verdict;
import fr.vigie.config.VigieConfig;
import fr.vigie.probes.Outcome;
import fr.vigie.probes.StepResult;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flap hold (docs/classifier.md, "Hysteresis"): a fault that pauses, or swings between levels, for fewer rounds
 * than the hold is one published episode at one level. Each test has a positive control with the same fault and a
 * longer pause, which must still close or lower: the hold delays, it does not freeze the page.
 * Defaults: open after 2 rounds, close after 3.
 */
class FlapHoldTest {
    private static final int WARM = 20;
    private static final int FAULT_ROUNDS = 42;
    private static final int END = WARM + FAULT_ROUNDS + 30;
    private static final Instant MID_MORNING = Instant.parse("2021-03-16T09:00:00Z");

    private final List<String> fleet = List.of("ent-a", "ent-b", "ent-c", "ent-d", "ent-e");
    private final VigieConfig config = TestConfigs.config("ent-a@hostX", "ent-b@hostX", "ent-c@hostX",
            "ent-d@hostY", "ent-e@hostY");
    private final TraceScenario scenario = new TraceScenario(fleet, MID_MORNING, Duration.ofSeconds(5));

    /** ent-a fails in the fault rounds {@code bad} selects: the whole journey in those {@code major} selects, one step otherwise. */
    private List<Status> publishedStatuses(IntPredicate bad, IntPredicate major) throws Exception {
        List<StepResult> trace = new ArrayList<>(scenario.rounds(0, WARM, (t, k, s, r) -> r));
        trace.addAll(scenario.rounds(WARM, END, (t, k, s, r) -> {
            int f = k - WARM;
            if (!t.equals("ent-a") || f >= FAULT_ROUNDS || !bad.test(f)) {
                return r;
            }
            boolean fails = major.test(f) ? s == 0 : s == 2;
            return fails ? TraceScenario.with(r, Outcome.HTTP_ERROR, 500, null, r.connectMs(), 30.0) : r;
        }));
        ReplayClassifier.Summary summary = ReplayClassifier.replay(TestConfigs.sections(config), trace.iterator(),
                new StringWriter());
        List<Status> runs = new ArrayList<>();
        for (Verdict v : summary.verdicts()) {
            if (v.target().equals("ent-a") && (runs.isEmpty() || runs.get(runs.size() - 1) != v.status())) {
                runs.add(v.status());
            }
        }
        return runs;
    }

    @Test
    void aFaultPausingForFewerRoundsThanTheHoldIsOneEpisode() throws Exception {
        // 2 bad rounds, 5 healthy, again: the pauses are longer than close-after-rounds (3) but shorter than the hold.
        List<Status> runs = publishedStatuses(f -> f % 7 < 2, f -> false);

        assertThat(runs).containsExactly(Status.OPERATIONAL, Status.PARTIAL_OUTAGE, Status.OPERATIONAL);
    }

    @Test
    void theSameFaultPausingLongerThanTheHoldIsTwoEpisodes() throws Exception {
        // Positive control: 2 bad rounds, 20 healthy, 2 bad: the page goes back to operational in between.
        List<Status> runs = publishedStatuses(f -> f < 2 || (f >= 22 && f < 24), f -> false);

        assertThat(runs).containsExactly(Status.OPERATIONAL, Status.PARTIAL_OUTAGE, Status.OPERATIONAL,
                Status.PARTIAL_OUTAGE, Status.OPERATIONAL);
    }

    @Test
    void aFaultSwingingBetweenLevelsKeepsItsWorstLevelWithinTheHold() throws Exception {
        // Every round fails: the whole journey for 4 rounds, then one step for 8, again.
        List<Status> runs = publishedStatuses(f -> true, f -> f % 12 < 4);

        assertThat(runs).containsExactly(Status.OPERATIONAL, Status.MAJOR_OUTAGE, Status.OPERATIONAL);
    }

    @Test
    void aLevelThatStaysLowerThanTheHoldIsLowered() throws Exception {
        // Positive control: the whole journey for 4 rounds, then one step until the fault ends: lowered once.
        List<Status> runs = publishedStatuses(f -> true, f -> f < 4);

        assertThat(runs).containsExactly(Status.OPERATIONAL, Status.MAJOR_OUTAGE, Status.PARTIAL_OUTAGE,
                Status.OPERATIONAL);
    }
}
