package fr.vigie.simulator.physics;

/**
 * The state of the world one probe step meets, as the mechanisms holding at that instant shape it. Starts healthy
 * ({@link #healthy}); each {@link Mechanism} changes only the fields of its own physics.
 */
final class Conditions {
    /** Ordinary loss on a French path: about one packet in a thousand. */
    static final double BACKGROUND_LOSS = 0.001;

    double synLoss = BACKGROUND_LOSS;
    double dataLoss = BACKGROUND_LOSS;
    /** Probability that a stateful box on the path resets this step's connection. */
    double resetChance;
    /** Probability that an established exchange stalls past the step time-out. */
    double stallChance;
    /** Probability that a delivered SYN finds room in the listen backlog. */
    double backlogAccept = 1;
    /** null, or NXDOMAIN, SERVFAIL, TIMEOUT once the prober's cached answer has expired. */
    String dnsFailure;
    /** The prober's own uplink: every packet lost. */
    boolean uplinkDown;
    /** Inside a declared maintenance window (the trace's {@code maintenance} flag). */
    boolean maintenanceDeclared;
    /** The service answers its maintenance page. */
    boolean maintenancePage;
    /** Share of dynamic requests a bad or rolling deploy answers with an error, and how. */
    double deployErrorShare;
    String deployVariant;
    /** Share of requests from a non-browser client the WAF answers with a challenge page. */
    double wafChallenge;
    /** Offered load of ordinary users, against the pool's capacity. */
    double userRho;
    /** Offered load of an HTTP flood reaching the pool (after the WAF, if any). */
    double floodRho;
    /** Workers held by a slow flood (slow headers or bodies), out of the pool's c. */
    int workersHeld;
    /** Disk mode for write steps; null when healthy. */
    DiskFault.Mode disk;
    /** Median extra I/O latency of a write (ms) in the slow mode. */
    double diskLatencyMs;

    static Conditions healthy(double userRho) {
        Conditions c = new Conditions();
        c.userRho = userRho;
        return c;
    }
}
