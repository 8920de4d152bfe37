package fr.vigie.aggregator.store;

import fr.vigie.aggregator.Fixtures;
import fr.vigie.config.StepKind;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/** Child process of {@link SqliteCrashTest}: appends numbered results forever and reports progress on stdout. */
public final class SqliteCrashWriter {
    static final Instant T0 = Instant.parse("2021-04-06T06:00:00Z");

    private SqliteCrashWriter() {
    }

    public static void main(String[] args) {
        SqliteStore store = new SqliteStore(Path.of(args[0]));
        for (int i = 0; ; i++) {
            store.appendResults(List.of(Fixtures.ok("crash", T0.plusMillis(i), "s", StepKind.PAGE, 20, 100)));
            if (i % 100 == 0) {
                System.out.println("appended " + i);
                System.out.flush();
                // Pace at about 10,000 results per second, a busy Vigie's worth.
                LockSupport.parkNanos(10_000_000);
            }
        }
    }
}
