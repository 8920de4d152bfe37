package fr.vigie.simulator;

import java.nio.file.Path;
import java.time.InstantSource;

/**
 * How a fleet runs.
 *
 * @param adminHost    bind address of the admin API (loopback)
 * @param adminPort    admin API port; 0 picks a free port, -1 disables the admin API
 * @param groundTruth  JSON Lines file the fault segments are appended to, or null for none
 * @param baselineLoad background load of every host as a fraction of its capacity (ordinary use, e.g. 0.2)
 * @param seed         seed of every random choice (arrivals, which reads hang)
 * @param clock        wall clock for ground-truth timestamps
 */
public record SimOptions(String adminHost, int adminPort, Path groundTruth, double baselineLoad, long seed,
                         InstantSource clock) {

    public SimOptions {
        if (baselineLoad < 0) {
            throw new IllegalArgumentException("baselineLoad must be >= 0");
        }
        clock = clock == null ? InstantSource.system() : clock;
    }

    /** Admin API on 127.0.0.1:18099, ground truth at the given file (null for none), 20 % baseline load. */
    public static SimOptions demo(Path groundTruth) {
        return new SimOptions("127.0.0.1", 18099, groundTruth, 0.2, 42L, InstantSource.system());
    }

    /** For tests: no admin API, no ground truth file, no background load. */
    public static SimOptions quiet() {
        return new SimOptions("127.0.0.1", -1, null, 0.0, 42L, InstantSource.system());
    }

    public SimOptions withAdminPort(int port) {
        return new SimOptions(adminHost, port, groundTruth, baselineLoad, seed, clock);
    }

    public SimOptions withGroundTruth(Path file) {
        return new SimOptions(adminHost, adminPort, file, baselineLoad, seed, clock);
    }

    public SimOptions withBaselineLoad(double load) {
        return new SimOptions(adminHost, adminPort, groundTruth, load, seed, clock);
    }
}
