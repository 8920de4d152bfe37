package fr.vigie.app.ops;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Tells whether an event loop is blocked: once a second a plain thread posts a no-op task to one context per event
 * loop; a task still waiting after {@code bound} means its loop is stuck (a blocking call on it, or an endless loop).
 */
public final class EventLoopWatch implements AutoCloseable {
    private static final long IDLE = -1;

    private final Context[] loops;
    private final AtomicLongArray postedAt;
    private final long boundNanos;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vigie-loop-watch");
        t.setDaemon(true);
        return t;
    });

    public EventLoopWatch(Vertx vertx, Duration bound) {
        // From a plain thread each call binds a new context to the next event loop, round robin.
        int n = VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE;
        this.loops = new Context[n];
        for (int i = 0; i < n; i++) {
            loops[i] = vertx.getOrCreateContext();
        }
        this.postedAt = new AtomicLongArray(n);
        for (int i = 0; i < n; i++) {
            postedAt.set(i, IDLE);
        }
        this.boundNanos = bound.toNanos();
        thread.scheduleWithFixedDelay(this::ping, 0, 1, TimeUnit.SECONDS);
    }

    private void ping() {
        for (int i = 0; i < loops.length; i++) {
            int loop = i;
            if (postedAt.compareAndSet(loop, IDLE, System.nanoTime())) {
                loops[loop].runOnContext(v -> postedAt.set(loop, IDLE));
            }
        }
    }

    /** The longest time a posted task has waited so far, over every loop. */
    public Duration longestWait() {
        long now = System.nanoTime();
        long worst = 0;
        for (int i = 0; i < loops.length; i++) {
            long at = postedAt.get(i);
            if (at != IDLE) {
                worst = Math.max(worst, now - at);
            }
        }
        return Duration.ofNanos(worst);
    }

    public boolean blocked() {
        return longestWait().toNanos() > boundNanos;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
