package fr.vigie.bench.site;

import fr.vigie.aggregator.Aggregator;
import fr.vigie.aggregator.SnapshotSource;
import fr.vigie.aggregator.StatusSnapshot;
import fr.vigie.aggregator.store.SqliteStore;
import fr.vigie.bench.BenchSections;
import fr.vigie.config.StepKind;
import fr.vigie.config.Target;
import fr.vigie.config.VigieConfig;
import fr.vigie.probes.Outcome;
import fr.vigie.probes.StepResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the per-step open data ({@code donnees/etapes.*}) costs the aggregator's snapshot over the embedded store:
 * the first snapshot after a start (bounded read of finished days), the snapshots that catch up with the
 * history, and a steady snapshot once every finished day is cached.
 * Usage: {@code StepOpenDataBench <folder> [services=42] [days=30] [runs-per-day=720] [steps=5]}. It prints.
 */
public final class StepOpenDataBench {
    private StepOpenDataBench() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Files.createDirectories(Path.of(args[0]));
        int services = args.length > 1 ? Integer.parseInt(args[1]) : 42;
        int days = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int runsPerDay = args.length > 3 ? Integer.parseInt(args[3]) : 720;
        int steps = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        VigieConfig config = BenchFleet.config(services);
        Instant now = BenchFleet.AT;
        Path db = folder.resolve("steps-bench.db");
        Files.deleteIfExists(db);
        try (SqliteStore store = new SqliteStore(db, null)) {
            long writeStart = System.nanoTime();
            long rows = fill(store, config.targets(), now, days, runsPerDay, steps);
            System.out.printf("store: %d step results (%d services, %d days, %d runs a day, %d steps) written in"
                    + " %d s%n", rows, services, days, runsPerDay, steps, (System.nanoTime() - writeStart) / 1_000_000_000);
            SnapshotSource snapshots = new Aggregator(BenchSections.aggregator(config), store).snapshots();
            long t = System.nanoTime();
            StatusSnapshot first = snapshots.snapshot(now);
            long firstMs = (System.nanoTime() - t) / 1_000_000;
            System.out.printf("first snapshot: %d ms, %d step-days ready%n", firstMs, stepDays(first));
            int generations = 1;
            long catchUpMs = 0;
            long total = (long) services * days;
            Instant at = now;
            StatusSnapshot s = first;
            while (stepDays(s) < total && generations < 1000) {
                at = at.plusSeconds(60);
                t = System.nanoTime();
                s = snapshots.snapshot(at);
                catchUpMs += (System.nanoTime() - t) / 1_000_000;
                generations++;
            }
            System.out.printf("caught up after %d snapshots (one a minute), %d ms each on average%n", generations,
                    generations > 1 ? catchUpMs / (generations - 1) : 0);
            long[] steady = new long[5];
            for (int i = 0; i < steady.length; i++) {
                at = at.plusSeconds(60);
                t = System.nanoTime();
                snapshots.snapshot(at);
                steady[i] = (System.nanoTime() - t) / 1_000_000;
            }
            java.util.Arrays.sort(steady);
            System.out.printf("steady snapshot (finished days cached, today read every 10 min): median %d ms, max %d"
                    + " ms%n", steady[2], steady[4]);
        }
        Files.deleteIfExists(db);
    }

    private static long stepDays(StatusSnapshot s) {
        return s.steps().values().stream().mapToLong(l -> l.stream().map(d -> d.date()).distinct().count()).sum();
    }

    /** {@code days} finished days before {@code now}'s day, runs spread over each, every step ok. */
    private static long fill(SqliteStore store, List<Target> targets, Instant now, int days, int runsPerDay,
                             int steps) {
        long rows = 0;
        Instant dayStart = now.atZone(BenchFleet.PARIS).toLocalDate().atStartOfDay(BenchFleet.PARIS).toInstant();
        long gap = Duration.ofDays(1).toMillis() / runsPerDay;
        for (Target target : targets) {
            List<StepResult> batch = new ArrayList<>();
            for (int d = days; d >= 1; d--) {
                Instant start = dayStart.minus(Duration.ofDays(d));
                for (int r = 0; r < runsPerDay; r++) {
                    Instant ts = start.plusMillis(r * gap);
                    for (int k = 0; k < steps; k++) {
                        double ms = 100 + (r * 7 + k * 13) % 400;
                        batch.add(new StepResult(ts, ts, target.id(), "bench", "journey", target.id() + d + "-" + r,
                                "step-" + k, StepKind.PAGE, Outcome.OK, 200, null, 1.0, 2.0, null, ms / 2, ms, 1000,
                                false, null, null, null));
                    }
                }
                if (batch.size() >= 20_000) {
                    rows += write(store, batch);
                }
            }
            rows += write(store, batch);
        }
        return rows;
    }

    private static long write(SqliteStore store, List<StepResult> batch) {
        store.appendResults(batch);
        store.flush();
        long n = batch.size();
        batch.clear();
        return n;
    }
}
