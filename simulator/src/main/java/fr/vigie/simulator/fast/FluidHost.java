package fr.vigie.simulator.fast;

import fr.vigie.simulator.Capacity;

/**
 * A host's worker queue in a fluid approximation of the live resource model: the queue grows at the offered rate
 * minus the service rate, is bounded by the users who give up at maxQueue, and a request waits queue / rate; below
 * saturation the random queueing of an M/M/c host is added (Sakasegawa's approximation), so an ordinary rush at
 * 90 % load slows pages without breaking them.
 */
final class FluidHost {
    private final Capacity capacity;
    private final double mu;
    private double queue;
    private double effectiveMu;
    private double utilisation;

    FluidHost(Capacity capacity) {
        this.capacity = capacity;
        this.mu = capacity.pagesPerSecond();
        this.effectiveMu = mu;
    }

    /**
     * Advances by dt seconds.
     *
     * @param load      offered load as a multiple of capacity
     * @param heldShare share of workers held by slow connections (0..1)
     */
    void advance(double dtSeconds, double load, double heldShare) {
        effectiveMu = mu * Math.max(0, 1 - heldShare);
        utilisation = effectiveMu <= 1e-9 ? Double.POSITIVE_INFINITY : load * mu / effectiveMu;
        queue += (load * mu - effectiveMu) * dtSeconds;
        queue = Math.max(0, Math.min(capacity.maxQueue(), queue));
    }

    double queue() {
        return queue;
    }

    /** Seconds a request entering now waits for a worker (infinite when every worker is held). */
    double waitSeconds() {
        if (effectiveMu <= 1e-9) {
            return Double.POSITIVE_INFINITY;
        }
        double fluid = queue / effectiveMu;
        if (utilisation >= 1 || utilisation <= 0) {
            return fluid;
        }
        int c = capacity.workers();
        double service = c / effectiveMu;
        double random = Math.pow(utilisation, Math.sqrt(2.0 * (c + 1)) - 1) / (c * (1 - utilisation)) * service;
        return fluid + random;
    }

    double pagesPerSecond() {
        return mu;
    }

    Capacity capacity() {
        return capacity;
    }
}
