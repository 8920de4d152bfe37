package fr.vigie.aggregator.store;

import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Fixtures;
import fr.vigie.aggregator.IncidentEvent;
import fr.vigie.aggregator.Status;
import fr.vigie.aggregator.Verdict;
import fr.vigie.config.StepKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded store under failure: a rejected row is quarantined and the rest written; the queue is bounded. */
class SqliteBoundsTest {
    static final Instant T0 = Instant.parse("2021-04-06T06:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aRowTheStoreRejectsIsQuarantinedAndLaterWritesGoOn() throws Exception {
        Path file = dir.resolve("poison.db");
        try (SqliteStore store = new SqliteStore(file)) {
            // A row SQLite refuses, as a corrupt value or a schema rule would: a trigger on one target.
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
                st.execute("CREATE TRIGGER reject_poison BEFORE INSERT ON results WHEN NEW.target = 'poison'"
                        + " BEGIN SELECT RAISE(ABORT, 'poison row refused'); END");
            }
            store.appendResults(List.of(Fixtures.ok("good", T0, "home", StepKind.PAGE, 20, 100),
                    Fixtures.ok("poison", T0, "home", StepKind.PAGE, 20, 100),
                    Fixtures.ok("good", T0.plusSeconds(1), "home", StepKind.PAGE, 20, 100)));
            store.appendVerdict(verdict(T0));
            store.flush();
            store.appendResults(List.of(Fixtures.ok("good", T0.plusSeconds(2), "home", StepKind.PAGE, 20, 100)));
            store.flush();

            assertThat(store.results("good", T0, T0.plusSeconds(10))).as("the batch around the poison row").hasSize(3);
            assertThat(store.verdicts("good", T0, T0.plusSeconds(10))).hasSize(1);
            assertThat(store.pendingCount()).as("nothing retried forever").isZero();
            assertThat(store.losses().quarantined()).isEqualTo(1);
            String quarantined = Files.readString(Path.of(file + ".quarantine"));
            assertThat(quarantined).contains("poison row refused").contains("target=poison");
        }
    }

    @Test
    void aFullQueueShedsRawResultsBeforeVerdictsAndIncidentEvents() {
        PendingWrites q = new PendingWrites(10);
        for (int i = 0; i < 8; i++) {
            q.addResult(Fixtures.ok("t", T0.plusSeconds(i), "home", StepKind.PAGE, 20, 100));
        }
        q.addRecord(verdict(T0));
        q.addRecord(event(1));
        q.addRecord(verdict(T0.plusSeconds(1)));
        q.addRecord(event(2));
        assertThat(q.size()).isEqualTo(10);
        assertThat(q.shedResults()).isEqualTo(2);
        for (int i = 0; i < 20; i++) {
            q.addResult(Fixtures.ok("t", T0.plusSeconds(100 + i), "home", StepKind.PAGE, 20, 100));
        }
        for (int i = 0; i < 10; i++) {
            q.addRecord(event(3 + i));
        }
        assertThat(q.size()).isEqualTo(10);
        assertThat(q.shedResults()).isEqualTo(28); // every raw result went before any record
        assertThat(q.shedVerdicts()).isEqualTo(2);
        // 6 results then 2 verdicts made room for 8 events; the last 2 were refused
        assertThat(q.shedEvents()).isEqualTo(2);
        assertThat(q.take(100)).allMatch(o -> o instanceof IncidentEvent).hasSize(10);
    }

    @Test
    void aBatchPutBackAfterAFailedWriteStaysInOrderAndWithinTheBound() {
        PendingWrites q = new PendingWrites(5);
        for (int i = 0; i < 5; i++) {
            q.addResult(Fixtures.ok("t", T0.plusSeconds(i), "home", StepKind.PAGE, 20, 100));
        }
        List<Object> batch = q.take(3);
        q.addRecord(verdict(T0));
        q.addResult(Fixtures.ok("t", T0.plusSeconds(5), "home", StepKind.PAGE, 20, 100));
        q.putBack(batch);
        assertThat(q.size()).isEqualTo(5);
        assertThat(q.shedResults()).as("the two oldest results").isEqualTo(2);
        List<Object> left = q.take(10);
        assertThat(left.get(0)).isInstanceOf(Verdict.class);
        assertThat(left.subList(1, 5)).extracting(o -> ((fr.vigie.probes.StepResult) o).ts())
                .containsExactly(T0.plusSeconds(2), T0.plusSeconds(3), T0.plusSeconds(4), T0.plusSeconds(5));
    }

    static Verdict verdict(Instant ts) {
        return new Verdict(ts, "good", Status.MAJOR_OUTAGE, Cause.STORAGE, Set.of(Cause.STORAGE), 0.9, List.of(),
                "inc-1");
    }

    static IncidentEvent event(long seq) {
        return new IncidentEvent("inc-1", seq, T0.plusSeconds(seq), IncidentEvent.Type.EVIDENCE_UPDATED,
                Status.MAJOR_OUTAGE, Cause.STORAGE, List.of("good"), List.of(), "m", "vigie");
    }
}
