package fr.vigie.simulator.physics;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * An application server pool as an M/M/c/K queue: c workers each serving page-equivalents at rate mu, at most K
 * requests in the system (c in service plus K - c waiting: accept queue and worker queue); a request arriving to a
 * full system is rejected by the front. The queue relaxes in a few service times (tenths of a second) while the
 * demand changes over minutes, so a probe, as a Poisson arrival (PASTA), sees the stationary law at the current
 * demand: n in system drawn from pi_n, wait Gamma(n - c + 1, c mu) when all workers are busy.
 *
 * @param workers          c (CPU-bound workers: one per core)
 * @param pageServiceMs    mean service time of one page (1 / mu)
 * @param maxInSystem      K
 */
record ServerPool(int workers, double pageServiceMs, int maxInSystem) {
    /** 8 workers, 100 ms per page (capacity 80 pages/s), K = 8 + 400: a full queue holds 5 s of work. */
    static ServerPool standard() {
        return new ServerPool(8, 100, 408);
    }

    /** What a probe's request meets: rejected, or admitted after a wait. */
    record Admission(boolean rejected, double waitMs, int inSystem) {
    }

    private static final Map<Long, double[]> CDF_CACHE = new HashMap<>();

    /**
     * Draws what one request meets at offered load rho (arrival rate / (c mu)) with {@code workersUp} of the c
     * workers free for ordinary requests (a slow flood holds the others).
     */
    Admission arrive(double rho, int workersUp, Random random) {
        if (workersUp <= 0) {
            return new Admission(true, 0, maxInSystem);
        }
        double lambdaOverMu = rho * workers;   // offered load in Erlangs, against the nominal pool
        double[] cdf = cdf(lambdaOverMu, workersUp);
        double u = random.nextDouble();
        int n = search(cdf, u);
        if (n >= maxInSystem) {
            return new Admission(true, 0, n);
        }
        if (n < workersUp) {
            return new Admission(false, 0, n);
        }
        // all workers busy: the request waits for n - c + 1 departures at rate c mu (memoryless service)
        double rate = workersUp / pageServiceMs;
        double wait = 0;
        for (int i = 0; i < n - workersUp + 1; i++) {
            wait += -Math.log(1 - random.nextDouble()) / rate;
        }
        return new Admission(false, wait, n);
    }

    /** Stationary distribution of the number in system, cumulative, for a (quantised) load and worker count. */
    private double[] cdf(double erlangs, int c) {
        long q = Math.round(erlangs * 200);   // 0.005 Erlang steps: finer than any effect it could cause
        long key = q * 1000 + c;
        synchronized (CDF_CACHE) {
            double[] cached = CDF_CACHE.get(key);
            if (cached != null) {
                return cached;
            }
        }
        double a = Math.max(q / 200.0, 1e-9);
        double[] logP = new double[maxInSystem + 1];
        double max = 0;
        for (int n = 1; n <= maxInSystem; n++) {
            // pi_n / pi_{n-1} = a / min(n, c)
            logP[n] = logP[n - 1] + Math.log(a / Math.min(n, c));
            max = Math.max(max, logP[n]);
        }
        double[] cdf = new double[maxInSystem + 1];
        double sum = 0;
        for (int n = 0; n <= maxInSystem; n++) {
            sum += Math.exp(logP[n] - max);
            cdf[n] = sum;
        }
        for (int n = 0; n <= maxInSystem; n++) {
            cdf[n] /= sum;
        }
        synchronized (CDF_CACHE) {
            CDF_CACHE.put(key, cdf);
        }
        return cdf;
    }

    private static int search(double[] cdf, double u) {
        int lo = 0;
        int hi = cdf.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cdf[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
