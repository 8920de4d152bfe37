package fr.vigie.simulator.dns;

/** How the simulated DNS server misbehaves for a name. */
public enum DnsFault {
    /** the name does not exist (a zone removed, a domain expired) */
    NXDOMAIN,
    /** the server fails to answer (a broken authoritative server behind a resolver) */
    SERVFAIL,
    /** no answer at all: the client times out */
    SILENT
}
