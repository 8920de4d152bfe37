package fr.vigie.aggregator.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * kill -9 of a process writing to the embedded store loses only what its writer had not committed yet (a tail, at
 * most one flush period of 250 ms on a quiet machine), never a committed row, and never corrupts the file.
 * No wall-clock bound is asserted: on a loaded machine the writer's pace is the scheduler's, not ours; what is
 * checked is that every row seen committed from outside, while the child was still writing, is there afterwards.
 */
class SqliteCrashTest {
    /** Rows to see committed before the kill: several of the writer's batches, so the kill lands mid-stream. */
    private static final int COMMITTED_BEFORE_KILL = 3_000;

    @TempDir
    Path dir;

    @Test
    void killNineLosesOnlyTheUncommittedTailAndLeavesAConsistentFile() throws Exception {
        Path file = dir.resolve("crash.db");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SqliteCrashWriter.class.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            long[] committed = {0};
            long[] appended = {-1};
            await("rows committed by the child").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        assertThat(child.isAlive()).as("the writer is running").isTrue();
                        appended[0] = Math.max(appended[0], lastAppended(out)); // keeps the pipe from filling
                        committed[0] = committedRows(file);
                        return committed[0] >= COMMITTED_BEFORE_KILL;
                    });
            long appendedBeforeKill = Math.max(appended[0], lastAppended(out));
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no final flush
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(appendedBeforeKill).as("the child was still appending when killed")
                    .isGreaterThanOrEqualTo(committed[0]);

            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                 Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("ok");
            }
            try (SqliteStore store = new SqliteStore(file)) {
                var kept = store.results("crash", SqliteCrashWriter.T0, Instant.parse("2030-01-01T00:00:00Z"));
                assertThat(kept.size()).as("every row committed before the kill").isGreaterThanOrEqualTo(
                        (int) committed[0]);
                // A prefix, in order, with no hole: what is lost is only the tail.
                for (int i = 0; i < kept.size(); i++) {
                    assertThat(kept.get(i).ts()).isEqualTo(SqliteCrashWriter.T0.plusMillis(i));
                }
            }
        } finally {
            child.destroyForcibly();
        }
    }

    /** Rows committed so far, read from outside the writer as any reader of the file sees them (WAL). */
    private static long committedRows(Path file) {
        if (!Files.exists(file)) {
            return 0;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM results")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException notCreatedYet) {
            return 0;
        }
    }

    /** The highest index the child reported so far (it reports every 100 appends). */
    private static long lastAppended(BufferedReader out) throws Exception {
        long last = -1;
        while (out.ready()) {
            String line = out.readLine();
            if (line != null && line.startsWith("appended ")) {
                last = Long.parseLong(line.substring(9).trim());
            }
        }
        return last;
    }
}
