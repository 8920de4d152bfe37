package fr.vigie.probes.run;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * A global token bucket over every request the prober sends ({@code probing.maxRequestsPerSecond}),
 * bursting to one second's worth. A request over the rate waits for its token on a timer; it is never dropped.
 */
public final class RateLimiter {
    private final Vertx vertx;
    private final double perSecond;
    private final double burst;
    private double tokens;
    private long lastRefill = System.nanoTime();

    public RateLimiter(Vertx vertx, double perSecond) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("maxRequestsPerSecond must be positive");
        }
        this.vertx = vertx;
        this.perSecond = perSecond;
        this.burst = Math.max(1.0, perSecond);
        this.tokens = burst;
    }

    /** Completes when the caller may send one request. */
    public Future<Void> acquire() {
        long waitMs = reserve();
        return waitMs <= 0 ? Future.succeededFuture() : vertx.timer(waitMs).mapEmpty();
    }

    /** Takes a token (possibly borrowed from the future) and returns how long to wait for it, in ms. */
    synchronized long reserve() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - lastRefill) / 1e9 * perSecond);
        lastRefill = now;
        tokens -= 1;
        return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / perSecond * 1000);
    }
}
