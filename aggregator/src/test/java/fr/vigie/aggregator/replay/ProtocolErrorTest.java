package fr.vigie.aggregator.replay;

import fr.vigie.aggregator.Cause;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A target answering garbage bytes instead of HTTP (a proxy speaking another protocol, a port given to the wrong
 * process) is {@code protocol_error}: the server answered, so it is the application's fault, never a lost
 * connection and never attack evidence. The shape fed here, one service failing in waves while its neighbours
 * answer, is what the classifier names attack when the connections are reset: the positive control below keeps
 * this test able to fail should {@code protocol_error} ever be read like {@code reset}.
 */
class ProtocolErrorTest {
    private static final int WARM = 20;
    /** Two hours of 30 s rounds after the warm-up: a whole morning. */
    private static final int FAULT_END = WARM + 240;
    private static final int END = FAULT_END + 12;
    /** 10:00 in Paris on a school Tuesday: outside the rush, where waves of lost connections read as a flood. */
    private static final Instant MID_MORNING = Instant.parse("2021-03-16T09:00:00Z");

    private final List<String> fleet = List.of("ent-a", "ent-b", "ent-c", "ent-d", "ent-e");
    private final VigieConfig config = TestConfigs.config("ent-a@hostX", "ent-b@hostX", "ent-c@hostX",
            "ent-d@hostY", "ent-e@hostY");

    /** ent-d fails its dynamic steps with {@code outcome} two rounds in three for the whole morning. */
    private List<Verdict> morningOf(Outcome outcome) throws Exception {
        TraceScenario sc = new TraceScenario(fleet, MID_MORNING, Duration.ofSeconds(30));
        TraceScenario.Fault fault = (t, k, i, r) -> t.equals("ent-d") && i >= 2 && (k - WARM) % 3 != 2
                ? TraceScenario.with(r, outcome, null, null, r.connectMs(), null) : r;
        List<StepResult> trace = new ArrayList<>(sc.rounds(0, WARM, (t, k, s, r) -> r));
        trace.addAll(sc.rounds(WARM, FAULT_END, fault));
        trace.addAll(sc.rounds(FAULT_END, END, (t, k, s, r) -> r));
        ReplayClassifier.Summary s = ReplayClassifier.replay(TestConfigs.sections(config), trace.iterator(),
                new StringWriter());
        return s.verdicts().stream().filter(v -> v.target().equals("ent-d") && v.status() != Status.OPERATIONAL)
                .toList();
    }

    @Test
    void aMorningOfProtocolErrorsIsAnApplicationFaultAndNeverPublishesAttack() throws Exception {
        List<Verdict> bad = morningOf(Outcome.PROTOCOL_ERROR);

        assertThat(bad).as("the outage is seen").isNotEmpty().allSatisfy(v -> {
            assertThat(v.cause()).isNotEqualTo(Cause.ATTACK);
            assertThat(v.causes()).doesNotContain(Cause.ATTACK);
        });
        assertThat(bad).anySatisfy(v -> assertThat(v.cause()).isEqualTo(Cause.APPLICATION));
    }

    @Test
    void theSameWavesOfResetsArePublishedAsAttack() throws Exception {
        // Positive control: the trace shape above is attack evidence when the connections are cut.
        assertThat(morningOf(Outcome.RESET)).anySatisfy(v -> assertThat(v.cause()).isEqualTo(Cause.ATTACK));
    }
}
