package fr.vigie.aggregator.store;

import fr.vigie.aggregator.Fixtures;
import fr.vigie.config.StepKind;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Child process of {@link SqliteFullDiskTest}, run in its own mount namespace on a small tmpfs: fills the disk,
 * appends far more than the queue holds, frees the disk, and reports on stdout what was kept and shed.
 */
public final class SqliteFullDiskWriter {
    static final int CAPACITY = 2_000;
    static final int RESULTS = 20_000;
    static final int VERDICTS = 50;
    static final int EVENTS = 20;

    private SqliteFullDiskWriter() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Instant t0 = SqliteBoundsTest.T0;
        SqliteStore store = new SqliteStore(dir.resolve("full.db"), null, CAPACITY);
        Path filler = dir.resolve("filler");
        try (OutputStream out = Files.newOutputStream(filler)) {
            byte[] block = new byte[64 * 1024];
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            System.out.println("disk full: " + full.getMessage());
        }
        for (int i = 0; i < RESULTS; i++) {
            store.appendResults(List.of(Fixtures.ok("full", t0.plusMillis(i), "home", StepKind.PAGE, 20, 100)));
            if (i % (RESULTS / VERDICTS) == 0) {
                store.appendVerdict(SqliteBoundsTest.verdict(t0.plusMillis(i)));
            }
            if (i % (RESULTS / EVENTS) == 0) {
                store.appendIncidentEvent(SqliteBoundsTest.event(1 + i / (RESULTS / EVENTS)));
            }
        }
        store.flush();
        System.out.println("pending " + store.pendingCount());
        WriteLosses losses = store.losses();
        System.out.println("shed " + losses.shedResults() + " " + losses.shedVerdicts() + " "
                + losses.shedIncidentEvents());
        Files.delete(filler);
        store.flush();
        System.out.println("pending-after " + store.pendingCount());
        System.out.println("kept " + store.results("full", t0, t0.plusSeconds(3600)).size() + " "
                + store.verdicts("good", t0, t0.plusSeconds(3600)).size() + " " + store.incidentEvents().size());
        store.close();
    }
}
