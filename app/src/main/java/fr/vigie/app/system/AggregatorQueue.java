package fr.vigie.app.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The aggregator's single thread and its bounded queue of step results. The event loop hands results over and
 * never waits: when the aggregator falls {@link #DEFAULT_CAPACITY} results behind (a store that blocks, a
 * classifier stall), newer results are dropped and counted rather than queued until the JVM runs out of memory.
 */
final class AggregatorQueue {
    /** Minutes of a large fleet's results (40 targets x 10 steps every 5 s is 80 a second). */
    static final int DEFAULT_CAPACITY = 10_000;
    private static final long LOG_PERIOD_NS = TimeUnit.SECONDS.toNanos(10);
    private static final Logger LOG = LoggerFactory.getLogger(AggregatorQueue.class);

    private final ThreadPoolExecutor executor;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong loggedAt = new AtomicLong(System.nanoTime() - LOG_PERIOD_NS);

    AggregatorQueue(int capacity) {
        executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(capacity), r -> {
            Thread t = new Thread(r, "aggregator");
            t.setDaemon(true);
            return t;
        }, (r, pool) -> onFull(capacity));
    }

    /** Runs the task on the aggregator thread, or drops it if the queue is full. Never blocks. */
    void submit(Runnable task) {
        executor.execute(task);
    }

    /** Step results dropped because the queue was full. */
    long dropped() {
        return dropped.get();
    }

    ExecutorService executor() {
        return executor;
    }

    private void onFull(int capacity) {
        long n = dropped.incrementAndGet();
        long now = System.nanoTime();
        long last = loggedAt.get();
        if (!executor.isShutdown() && now - last >= LOG_PERIOD_NS && loggedAt.compareAndSet(last, now)) {
            LOG.error("aggregator {} results behind: step results are being dropped ({} so far)", capacity, n);
        }
    }
}
