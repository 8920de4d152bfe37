package fr.vigie.simulator.fast;

import java.time.Duration;

/**
 * How a fast run probes.
 *
 * @param interval       time between two rounds of one target
 * @param connectTimeout a connect that gets no answer fails after this (the demo config's probing.connect-timeout)
 * @param stepTimeout    a step without its response fails after this (probing.step-timeout)
 * @param baselineLoad   ordinary load of every host as a fraction of its capacity
 * @param seed           seed of every random draw
 * @param vantage        vantage id written in the trace
 */
public record FastOptions(Duration interval, Duration connectTimeout, Duration stepTimeout, double baselineLoad,
                          long seed, String vantage) {
    /** The demo's probing: every 5 s, 2 s connect and 5 s step time-outs, 20 % baseline load. */
    public static FastOptions defaults() {
        return new FastOptions(Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(5), 0.2, 42L, "fast");
    }

    public FastOptions withInterval(Duration d) {
        return new FastOptions(d, connectTimeout, stepTimeout, baselineLoad, seed, vantage);
    }

    public FastOptions withSeed(long s) {
        return new FastOptions(interval, connectTimeout, stepTimeout, baselineLoad, s, vantage);
    }
}
