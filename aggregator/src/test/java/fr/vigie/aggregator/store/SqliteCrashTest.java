package fr.vigie.aggregator.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** kill -9 of a process writing to the embedded store loses at most the last second and never corrupts it. */
class SqliteCrashTest {
    @TempDir
    Path dir;

    @Test
    void killNineLosesAtMostTheLastSecondAndLeavesAConsistentFile() throws Exception {
        Path file = dir.resolve("crash.db");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SqliteCrashWriter.class.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<long[]> progress = new ArrayList<>(); // {index reported, nanoTime received}
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (!line.startsWith("appended ")) {
                    continue; // the child's log lines
                }
                progress.add(new long[] {Long.parseLong(line.substring(9).trim()), System.nanoTime()});
                // Kill after two seconds of writing (JVM start-up not counted).
                if (System.nanoTime() - progress.get(0)[1] > TimeUnit.MILLISECONDS.toNanos(2000)) {
                    break;
                }
            }
            long killedAt = System.nanoTime();
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no final flush
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();

            long safe = -1;
            for (long[] p : progress) {
                if (p[1] <= killedAt - TimeUnit.MILLISECONDS.toNanos(1000)) safe = p[0];
            }
            assertThat(safe).as("child made progress before the last second").isGreaterThan(0);

            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                 Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("ok");
                }
            }
            try (SqliteStore store = new SqliteStore(file)) {
                var kept = store.results("crash", SqliteCrashWriter.T0, Instant.parse("2030-01-01T00:00:00Z"));
                assertThat(kept.size()).isGreaterThan((int) safe);
                // A prefix, in order, with no hole: what is lost is only the tail.
                for (int i = 0; i < kept.size(); i++) {
                    assertThat(kept.get(i).ts()).isEqualTo(SqliteCrashWriter.T0.plusMillis(i));
                }
            }
        } finally {
            child.destroyForcibly();
        }
    }
}
