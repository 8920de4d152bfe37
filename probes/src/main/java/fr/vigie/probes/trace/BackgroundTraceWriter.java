package fr.vigie.probes.trace;

import fr.vigie.probes.StepResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link TraceWriter} fed from the event loop: each result is handed to one writer thread, in order, so a slow
 * disk never stalls the probes. At most {@link #CAPACITY} results wait; past that they are dropped from the trace
 * (counted and logged, the live aggregation still gets them) rather than queued without bound.
 */
public final class BackgroundTraceWriter implements Closeable {
    /** Minutes of a large fleet's results. */
    public static final int CAPACITY = 10_000;
    private static final long LOG_PERIOD_NS = TimeUnit.SECONDS.toNanos(10);
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTraceWriter.class);

    private final TraceWriter trace;
    private final ThreadPoolExecutor thread;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong loggedAt = new AtomicLong(System.nanoTime() - LOG_PERIOD_NS);

    public BackgroundTraceWriter(TraceWriter trace) {
        this(trace, CAPACITY);
    }

    BackgroundTraceWriter(TraceWriter trace, int capacity) {
        this.trace = trace;
        this.thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(capacity),
                r -> {
                    Thread t = new Thread(r, "vigie-trace-writer");
                    t.setDaemon(true);
                    return t;
                }, (r, pool) -> onFull());
    }

    /** Queues one line; never blocks. */
    public void write(StepResult r) {
        if (thread.isShutdown()) {
            return;
        }
        thread.execute(() -> {
            try {
                trace.write(r);
            } catch (UncheckedIOException e) {
                LOG.error("target={} trace write failed: {}", r.target(), e.getCause().toString());
            }
        });
    }

    /** Results left out of the trace because the writer fell {@link #CAPACITY} behind. */
    public long dropped() {
        return dropped.get();
    }

    /** Writes what is queued (waiting up to 30 s), then closes the file. Call from a worker, never an event loop. */
    @Override
    public void close() throws IOException {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("trace writer: {} results not written within 30 s", thread.getQueue().size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        trace.close();
    }

    private void onFull() {
        long n = dropped.incrementAndGet();
        long now = System.nanoTime();
        long last = loggedAt.get();
        if (now - last >= LOG_PERIOD_NS && loggedAt.compareAndSet(last, now)) {
            LOG.error("trace writer {} results behind (slow disk?): results left out of the trace, {} so far",
                    CAPACITY, n);
        }
    }
}
