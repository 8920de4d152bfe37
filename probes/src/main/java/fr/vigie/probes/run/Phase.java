package fr.vigie.probes.run;

/** Where a hop is, so that a failure or the deadline can be named precisely. */
enum Phase {
    DNS, CONNECT, TLS, RESPONSE
}
