package fr.vigie.bench.blackbox;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Open-loop load at a fixed rate: every 10 ms, the checks due since the start are launched, whatever the earlier
 * ones are doing (a closed loop would slow down with the system under test and hide its cost). At most
 * {@code maxInFlight} checks run at once; a check due beyond that is counted as skipped, never queued.
 */
final class RateDriver {
    private static final long TICK_MS = 10;

    private final Vertx vertx;
    private final double perSecond;
    private final int maxInFlight;
    private final AtomicInteger inFlight = new AtomicInteger();
    final AtomicLong launched = new AtomicLong();
    final AtomicLong succeeded = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();

    RateDriver(Vertx vertx, double perSecond, int maxInFlight) {
        this.vertx = vertx;
        this.perSecond = perSecond;
        this.maxInFlight = maxInFlight;
    }

    /** Runs checks for the given time; completes when the last launched check has ended. */
    CompletableFuture<Void> runFor(long millis, Supplier<Future<Boolean>> check) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        long start = System.nanoTime();
        long[] due = {0};
        vertx.setPeriodic(TICK_MS, id -> {
            double elapsedMs = (System.nanoTime() - start) / 1e6;
            if (elapsedMs >= millis) {
                vertx.cancelTimer(id);
                drain(done);
                return;
            }
            long shouldHave = (long) (elapsedMs * perSecond / 1000.0);
            for (; due[0] < shouldHave; due[0]++) {
                if (inFlight.get() >= maxInFlight) {
                    skipped.incrementAndGet();
                    continue;
                }
                inFlight.incrementAndGet();
                launched.incrementAndGet();
                check.get().onComplete(ar -> {
                    (ar.succeeded() && ar.result() ? succeeded : failed).incrementAndGet();
                    inFlight.decrementAndGet();
                });
            }
        });
        return done;
    }

    private void drain(CompletableFuture<Void> done) {
        if (inFlight.get() == 0) {
            done.complete(null);
        } else {
            vertx.setTimer(TICK_MS, id -> drain(done));
        }
    }
}
