package fr.vigie.probes.run;

import io.vertx.core.Vertx;

/**
 * The total bound of one step (connect to last byte, all hops): when it fires, the connection in use is
 * closed, which fails the pending operation; the failure is then reported as a timeout of the current phase.
 */
final class StepDeadline {
    private final Vertx vertx;
    private final long timerId;
    private volatile boolean expired;
    private volatile Runnable abort = () -> { };

    StepDeadline(Vertx vertx, long millis) {
        this.vertx = vertx;
        this.timerId = vertx.setTimer(Math.max(1, millis), id -> {
            expired = true;
            abort.run();
        });
    }

    boolean expired() {
        return expired;
    }

    /** What to close when the deadline fires (the current connection); runs at once if already expired. */
    void onExpiry(Runnable action) {
        this.abort = action;
        if (expired) {
            action.run();
        }
    }

    void cancel() {
        vertx.cancelTimer(timerId);
    }
}
