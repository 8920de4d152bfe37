package fr.vigie.aggregator.store;

import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Fixtures;
import fr.vigie.aggregator.Status;
import fr.vigie.aggregator.Verdict;
import fr.vigie.config.StepKind;
import fr.vigie.probes.StepResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The store contract against the embedded SQLite store. */
class SqliteStoreTest extends StoreContractTest {
    @TempDir
    Path dir;
    private final Map<Store, Path> files = new HashMap<>();
    private int n;

    @Override
    protected Store newStore() {
        Path file = dir.resolve("vigie-" + (n++) + ".db");
        Store s = new SqliteStore(file);
        files.put(s, file);
        return s;
    }

    @Override
    protected Store reopen(Store previous) {
        return new SqliteStore(files.get(previous));
    }

    @Test
    void pruningDeletesOldStepResultsInChunksAndKeepsTheHistory() {
        SqliteStore store = new SqliteStore(dir.resolve("pruned.db"), Duration.ofDays(30));
        try {
            Instant now = Instant.parse("2026-11-26T08:00:00Z");
            Instant old = now.minus(Duration.ofDays(31));
            List<StepResult> results = new ArrayList<>();
            for (int i = 0; i < 25_000; i++) { // more than two chunks
                results.add(Fixtures.ok("ent-idf", old.plusMillis(i), "home", StepKind.PAGE, 30, 100));
            }
            results.add(Fixtures.ok("ent-idf", now.minusSeconds(60), "home", StepKind.PAGE, 30, 100));
            store.appendResults(results);
            Verdict oldVerdict = new Verdict(old, "ent-idf", Status.MAJOR_OUTAGE, Cause.STORAGE, Set.of(Cause.STORAGE),
                    0.9, List.of(), "inc-1");
            store.appendVerdict(oldVerdict);
            store.flush();

            assertThat(store.pruneResultsBefore(now.minus(Duration.ofDays(30)))).isEqualTo(25_000);
            assertThat(store.results("ent-idf", old.minusSeconds(1), now)).hasSize(1);
            assertThat(store.verdicts("ent-idf", old.minusSeconds(1), now)).as("history is kept")
                    .containsExactly(oldVerdict);
            assertThat(store.pruneResultsBefore(now.minus(Duration.ofDays(30)))).isZero();
        } finally {
            store.close();
        }
    }
}
