package fr.vigie.simulator;

import java.time.Duration;

/**
 * The resources of one host (hosting group): worker slots, database connections, storage channels, their service
 * times and the queue limits. Services of the same hosting group share one set, built from the first spec's capacity.
 *
 * @param workers            request worker slots (a page holds one for its CPU time and its DB queries)
 * @param dbConnections      database connection pool size
 * @param storageChannels    concurrent storage writes
 * @param cpu                CPU time of a page
 * @param dbQuery            time of one DB query (a page makes two)
 * @param storageWrite       time of one storage write (write steps)
 * @param admissionQueue     worker queue length above which Open ENT NG answers its waiting page (0 = never)
 * @param maxQueue           worker queue length above which background users give up (bounds latency)
 */
public record Capacity(int workers, int dbConnections, int storageChannels, Duration cpu, Duration dbQuery,
                       Duration storageWrite, int admissionQueue, int maxQueue) {

    public Capacity {
        if (workers < 1 || dbConnections < 1 || storageChannels < 1) {
            throw new IllegalArgumentException("workers, dbConnections and storageChannels must be >= 1");
        }
        if (maxQueue < 1) {
            throw new IllegalArgumentException("maxQueue must be >= 1, got " + maxQueue);
        }
    }

    /** A mid-size ENT host: about 200 pages per second, waiting room beyond ~2 s of queue, ~4 s worst queueing. */
    public static Capacity standard() {
        return new Capacity(8, 4, 2, Duration.ofMillis(20), Duration.ofMillis(10), Duration.ofMillis(15), 400, 800);
    }

    /** Pages per second this host serves when every worker is busy. */
    public double pagesPerSecond() {
        double workerHoldMs = cpu.toMillis() + 2.0 * dbQuery.toMillis();
        double byWorkers = workers * 1000.0 / Math.max(1.0, workerHoldMs);
        double byDb = dbConnections * 1000.0 / Math.max(1.0, 2.0 * dbQuery.toMillis());
        return Math.min(byWorkers, byDb);
    }
}
