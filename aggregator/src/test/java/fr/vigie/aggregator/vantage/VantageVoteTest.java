package fr.vigie.aggregator.vantage;

import fr.vigie.aggregator.TestConfigs;
import fr.vigie.config.ClusterConfig;
import fr.vigie.config.StepKind;
import fr.vigie.config.VigieConfig;
import fr.vigie.probes.Outcome;
import fr.vigie.probes.StepResult;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** k-of-n: one vantage alone is not published, k agreeing are; sick vantages are left out of the vote. */
class VantageVoteTest {
    private static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");
    private final VigieConfig config = TestConfigs.config("ent-a@g", "control@v#control");
    private final ClusterConfig cluster = new ClusterConfig("vigie", "127.0.0.1:5701", List.of("127.0.0.1:5701"), 3,
            2, Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(2));
    private final MutableClock clock = new MutableClock(T0);
    private final List<StepResult> passedOn = new ArrayList<>();
    private final VantageVote vote = new VantageVote(config.targets(), config.journeys(), cluster,
            passedOn::add, clock);

    @Test
    void aFailureSeenByOneVantageOnlyIsNotPassedOnButShownAsDissent() {
        beatAll("v1", "v2", "v3");
        run("ent-a", "v1", T0, null);
        run("ent-a", "v2", T0, null);
        run("ent-a", "v3", T0, Outcome.CONNECT_REFUSED);

        assertThat(passedOn).hasSize(5).allMatch(StepResult::ok);
        assertThat(vote.report().dissents()).singleElement().satisfies(d -> {
            assertThat(d.vantage()).isEqualTo("v3");
            assertThat(d.outcome()).isEqualTo("connect_refused");
            assertThat(d.agreeing()).isEqualTo(1);
        });
        assertThat(vote.report().partialConfidence()).isFalse();
    }

    @Test
    void aFailureSeenByKVantagesIsPassedOn() {
        beatAll("v1", "v2", "v3");
        run("ent-a", "v1", T0, null);
        run("ent-a", "v2", T0, Outcome.HTTP_ERROR);
        run("ent-a", "v3", T0, Outcome.HTTP_ERROR);

        assertThat(passedOn).hasSize(5);
        assertThat(passedOn).allMatch(r -> r.vantage().equals("v2"));
        assertThat(passedOn.get(2).outcome()).isEqualTo(Outcome.HTTP_ERROR);
        assertThat(vote.report().delays().results()).isEqualTo(15);
        assertThat(vote.report().delays().decisions()).isEqualTo(1);
    }

    @Test
    void theRoundWaitsForEveryHealthyVantageThenForTheTimeoutOnly() {
        beatAll("v1", "v2", "v3");
        run("ent-a", "v1", T0, Outcome.HTTP_ERROR);
        run("ent-a", "v2", T0, Outcome.HTTP_ERROR);
        assertThat(passedOn).isEmpty(); // v3 is healthy and not in yet

        clock.advance(Duration.ofMillis(3500)); // past heartbeat-timeout: decided without v3
        beatAll("v1", "v2", "v3");
        vote.tick();
        assertThat(passedOn).hasSize(5).element(2).extracting(StepResult::outcome).isEqualTo(Outcome.HTTP_ERROR);
    }

    @Test
    void aVantageWhoseControlTargetFailsIsExcludedAndRejoinsWhenItPassesAgain() {
        beatAll("v1", "v2", "v3");
        run("control", "v1", T0, null);
        run("control", "v2", T0, null);
        run("control", "v3", T0, Outcome.CONNECT_TIMEOUT);
        assertThat(health("v3").healthy()).isFalse();
        assertThat(health("v3").reason()).contains("contrôle");

        passedOn.clear();
        Instant t1 = T0.plusSeconds(1);
        run("ent-a", "v1", t1, Outcome.HTTP_ERROR);
        run("ent-a", "v2", t1, null);
        run("ent-a", "v3", t1, Outcome.HTTP_ERROR); // not counted: v3 is out of the vote
        assertThat(passedOn).hasSize(5).allMatch(StepResult::ok);

        run("control", "v1", T0.plusSeconds(2), null);
        run("control", "v2", T0.plusSeconds(2), null);
        run("control", "v3", T0.plusSeconds(2), null);
        assertThat(health("v3").healthy()).isTrue();
    }

    @Test
    void silentOrSkewedVantagesAreExcludedAndTooFewHealthyMeansPartialConfidence() {
        vote.heartbeat(new Heartbeat("v1", "n1", T0));
        vote.heartbeat(new Heartbeat("v2", "n2", T0.plusSeconds(5))); // clock 5 s ahead
        assertThat(health("v2").reason()).contains("horloge");
        assertThat(vote.report().partialConfidence()).isTrue();
        assertThat(vote.report().summaryFr()).contains("Confiance partielle");

        run("ent-a", "v1", T0, Outcome.HTTP_ERROR);
        clock.advance(Duration.ofSeconds(4));
        vote.tick();
        assertThat(passedOn).as("one failing healthy vantage of k=2, no healthy pass: nothing is guessed").isEmpty();
        assertThat(health("v1").reason()).contains("battement");
    }

    private VantageHealth health(String vantage) {
        return vote.report().vantages().stream().filter(v -> v.vantage().equals(vantage)).findFirst().orElseThrow();
    }

    private void beatAll(String... vantages) {
        for (String v : vantages) {
            vote.heartbeat(new Heartbeat(v, "node-" + v, clock.instant()));
        }
    }

    /** A five-step run; {@code failure} at the third step, the rest skipped; null: every step ok. */
    private void run(String target, String vantage, Instant scheduled, Outcome failure) {
        String runId = target + "-" + vantage + "-" + scheduled;
        for (int i = 0; i < TestConfigs.STEPS.size(); i++) {
            Outcome o = failure == null || i < 2 ? Outcome.OK : i == 2 ? failure : Outcome.SKIPPED;
            StepKind kind = TestConfigs.KINDS.get(i);
            vote.accept(new StepResult(scheduled.plusMillis(i), scheduled, target, vantage, "ent", runId,
                    TestConfigs.STEPS.get(i), kind, o, o == Outcome.OK ? 200 : null, null, 1.0, 1.0, null, 2.0, 3.0,
                    10, false, null, null, null));
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
