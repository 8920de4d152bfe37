package fr.vigie.aggregator.classify;

/** What one step's outcome suggests on its own, before any correlation. */
enum Symptom {
    /** the step worked */
    OK,
    /** waiting room, rate limit, gateway error, 429/502/503/504, response time-out */
    SATURATION,
    /** challenge page of an anti-DDoS service: a mitigation artefact, the one direct sign of an attack */
    ATTACK,
    /** disk full, I/O error, read-only file system, database cannot extend */
    STORAGE,
    /** DNS failure, connection refused, TLS failure */
    NETWORK,
    /** TCP connect time-out: path loss, flood, or host down */
    UNREACHABLE,
    /** connection reset by the peer: path loss, a crashing server or a mitigation device; alone, names nothing */
    CONNECTION_LOST,
    /** failed assertion, 500 without storage words, redirect loop, oversized body */
    APPLICATION,
    /** maintenance page */
    MAINTENANCE,
    /** says nothing about the service: skipped step, rejected test credentials */
    NEUTRAL;

    boolean failure() {
        return this != OK && this != NEUTRAL;
    }
}
