package fr.vigie.simulator.model;

import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;

/**
 * Simulated users of one host: every tick, a Poisson number of synthetic requests (mostly pages, some API calls and
 * writes) enters the same queues as real requests, without sockets. Users give up when the worker queue is full.
 */
public final class BackgroundLoad {
    private static final long TICK_MS = 100;

    private final Vertx vertx;
    private final HostResources host;
    private final Random random;
    private final double baseline;
    private final List<DoubleSupplier> crowds = new ArrayList<>();
    private long timerId = -1;
    private long submitted;
    private long abandoned;

    /**
     * @param baseline ordinary load as a fraction of the host's capacity
     */
    public BackgroundLoad(Vertx vertx, HostResources host, double baseline, long seed) {
        this.vertx = vertx;
        this.host = host;
        this.baseline = baseline;
        this.random = new Random(seed);
    }

    public void start() {
        timerId = vertx.setPeriodic(TICK_MS, id -> tick());
    }

    public void stop() {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    /** Adds a crowd whose load (as a multiple of capacity) is read at every tick; returns the handle to remove it. */
    public Runnable addCrowd(DoubleSupplier loadTimesCapacity) {
        crowds.add(loadTimesCapacity);
        return () -> crowds.remove(loadTimesCapacity);
    }

    /** Current offered load in requests per second. */
    public double offeredRate() {
        double factor = baseline;
        for (DoubleSupplier crowd : crowds) {
            factor += Math.max(0, crowd.getAsDouble());
        }
        return factor * host.capacity().pagesPerSecond();
    }

    private void tick() {
        int arrivals = poisson(offeredRate() * TICK_MS / 1000.0);
        for (int i = 0; i < arrivals; i++) {
            if (host.workerQueue() >= host.capacity().maxQueue()) {
                abandoned++;
                continue;
            }
            submitted++;
            host.serve(pickKind());
        }
    }

    private WorkKind pickKind() {
        double r = random.nextDouble();
        return r < 0.80 ? WorkKind.PAGE : r < 0.95 ? WorkKind.API : WorkKind.WRITE;
    }

    private int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    public long submitted() {
        return submitted;
    }

    public long abandoned() {
        return abandoned;
    }
}
