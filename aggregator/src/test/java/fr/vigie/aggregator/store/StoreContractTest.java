package fr.vigie.aggregator.store;

import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Evidence;
import fr.vigie.aggregator.Fixtures;
import fr.vigie.aggregator.IncidentEvent;
import fr.vigie.aggregator.Status;
import fr.vigie.aggregator.Verdict;
import fr.vigie.config.StepKind;
import fr.vigie.probes.Outcome;
import fr.vigie.probes.StepResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The behaviour every {@link Store} must have; one subclass per implementation. */
public abstract class StoreContractTest {
    /** Recent enough for any raw-results retention policy; fixed millisecond part. */
    protected static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.DAYS)
            .plusMillis(123);
    private final List<Store> opened = new ArrayList<>();

    /** A fresh, empty store. */
    protected abstract Store newStore();

    /** The same store as {@code previous} (already closed), opened again. */
    protected abstract Store reopen(Store previous);

    protected Store track(Store s) {
        opened.add(s);
        return s;
    }

    @AfterEach
    void closeAll() {
        opened.forEach(Store::close);
    }

    @Test
    void resultsRoundTripWithEveryFieldIncludingNulls() {
        Store store = track(newStore());
        StepResult full = new StepResult(T0, T0.minusMillis(40), "ent-idf", "paris-1", "open-ent-ng", "r1", "login",
                StepKind.LOGIN, Outcome.SIGNATURE, 200, "waiting_room", 1.5, 38.0, 12.25, 4200.0, 4300.5, 1234,
                true, 1500, 180, "queue page");
        StepResult sparse = new StepResult(T0.plusSeconds(1), null, "ent-idf", "paris-1", "open-ent-ng", "r1", "home",
                StepKind.PAGE, Outcome.DNS_FAILURE, null, null, null, null, null, null, null, 0, false, null, null,
                null);
        store.appendResults(List.of(full, sparse));
        store.flush();

        assertThat(store.results("ent-idf", T0, T0.plusSeconds(2))).containsExactly(full, sparse);
    }

    @Test
    void resultsAreFilteredByTargetAndHalfOpenRangeAndSortedByTime() {
        Store store = track(newStore());
        StepResult a = Fixtures.ok("a", T0.plusSeconds(10), "home", StepKind.PAGE, 30, 100);
        StepResult b = Fixtures.ok("a", T0, "home", StepKind.PAGE, 30, 100);
        StepResult c = Fixtures.ok("a", T0.plusSeconds(20), "home", StepKind.PAGE, 30, 100);
        StepResult other = Fixtures.ok("b", T0.plusSeconds(5), "home", StepKind.PAGE, 30, 100);
        store.appendResults(List.of(a, b, c, other));
        store.flush();

        assertThat(store.results("a", T0, T0.plusSeconds(20))).containsExactly(b, a);
        assertThat(store.results("b", T0, T0.plusSeconds(60))).containsExactly(other);
        assertThat(store.results("nobody", T0, T0.plusSeconds(60))).isEmpty();
    }

    @Test
    void verdictsRoundTripInOrder() {
        Store store = track(newStore());
        Verdict v1 = new Verdict(T0, "ent-idf", Status.DEGRADED_PERFORMANCE, Cause.SATURATION,
                Set.of(Cause.SATURATION, Cause.ATTACK), 0.8,
                List.of(new Evidence("temps de réponse médian 4,2 s", "median response time 4.2 s")), "inc-1");
        Verdict v2 = new Verdict(T0.plusSeconds(30), "ent-idf", Status.OPERATIONAL, Cause.NONE, Set.of(), 1.0,
                List.of(), null);
        store.appendVerdict(v2);
        store.appendVerdict(v1);
        store.appendVerdict(new Verdict(T0, "other", Status.MAJOR_OUTAGE, Cause.NETWORK, Set.of(Cause.NETWORK), 0.9,
                List.of(), null));
        store.flush();

        assertThat(store.verdicts("ent-idf", T0, T0.plusSeconds(60))).containsExactly(v1, v2);
    }

    @Test
    void incidentLogComesBackInSequenceOrder() {
        Store store = track(newStore());
        IncidentEvent opened = new IncidentEvent("inc-1", 1, T0, IncidentEvent.Type.OPENED, Status.PARTIAL_OUTAGE,
                Cause.STORAGE, List.of("a", "b"), List.of(new Evidence("disque plein", "disk full")), "ouvert",
                "vigie");
        IncidentEvent human = new IncidentEvent("inc-1", 2, T0.plusSeconds(60), IncidentEvent.Type.HUMAN_UPDATE,
                null, null, List.of(), List.of(), "L'hébergeur remplace un disque.", "Cellule de crise");
        IncidentEvent resolved = new IncidentEvent("inc-1", 3, T0.plusSeconds(600), IncidentEvent.Type.RESOLVED,
                Status.OPERATIONAL, null, List.of(), List.of(), null, "vigie");
        store.appendIncidentEvent(opened);
        store.appendIncidentEvent(human);
        store.appendIncidentEvent(resolved);
        store.flush();

        assertThat(store.incidentEvents()).containsExactly(opened, human, resolved);
    }

    @Test
    void everythingSurvivesCloseAndReopen() {
        Store store = newStore();
        StepResult r = Fixtures.ok("a", T0, "home", StepKind.PAGE, 30, 100);
        Verdict v = new Verdict(T0, "a", Status.OPERATIONAL, Cause.NONE, Set.of(), 1.0, List.of(), null);
        IncidentEvent e = new IncidentEvent("inc-9", 1, T0, IncidentEvent.Type.OPENED, Status.MAJOR_OUTAGE,
                Cause.NETWORK, List.of("a"), List.of(), null, "vigie");
        store.appendResults(List.of(r));
        store.appendVerdict(v);
        store.appendIncidentEvent(e);
        store.close();

        Store again = track(reopen(store));
        assertThat(again.results("a", T0, T0.plusSeconds(1))).containsExactly(r);
        assertThat(again.verdicts("a", T0, T0.plusSeconds(1))).containsExactly(v);
        assertThat(again.incidentEvents()).containsExactly(e);
    }

    @Test
    void manyResultsAreAllKept() {
        Store store = track(newStore());
        List<StepResult> many = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            many.add(Fixtures.ok("bulk", T0.plusMillis(i * 10L), "s" + (i % 5), StepKind.PAGE, 30, 100 + i % 7));
        }
        store.appendResults(many.subList(0, 2_500));
        store.appendResults(many.subList(2_500, 5_000));
        store.flush();

        assertThat(store.results("bulk", T0, T0.plusSeconds(3600))).containsExactlyElementsOf(many);
    }
}
