package fr.vigie.scoring;

import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Status;
import fr.vigie.aggregator.Verdict;
import fr.vigie.simulator.faults.GroundTruthRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A live run's records convert straight to scoring inputs. */
class LiveInputsTest {
    private static final Instant T = Instant.parse("2021-04-06T06:00:00Z");

    @Test
    void verdictsAndGroundTruthRecordsConvert() {
        VerdictPoint down = VerdictPoint.from(new Verdict(T, "cned-college", Status.MAJOR_OUTAGE, Cause.ATTACK,
                Set.of(Cause.ATTACK, Cause.SATURATION), 0.8, List.of(), "i1"));
        assertThat(down.status()).isEqualTo("major_outage");
        assertThat(down.causes()).containsExactlyInAnyOrder("attack", "saturation");
        assertThat(down.alarm()).isTrue();
        VerdictPoint up = VerdictPoint.from(new Verdict(T, "cned-college", Status.OPERATIONAL, Cause.NONE, Set.of(),
                1.0, List.of(), null));
        assertThat(up.causes()).isEmpty();
        assertThat(up.alarm()).isFalse();

        TruthSegment seg = TruthSegment.from(new GroundTruthRecord("cned-college", "attack", "attack", T,
                T.plusSeconds(60), "f1", "mixed", 1.0));
        assertThat(seg).isEqualTo(new TruthSegment("cned-college", "attack", T, T.plusSeconds(60)));
    }
}
