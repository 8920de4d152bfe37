package fr.vigie.simulator.web;

/** What a service's TCP port does, as a client's connect sees it. */
public enum ListenerMode {
    /** the Vert.x HTTP server answers */
    LISTENING,
    /** nothing listens: connects are refused at once */
    REFUSED,
    /** a socket listens but never accepts and its backlog is full: connects time out */
    BLACKHOLE,
    /** connections are accepted and reset at once (RST) */
    RESET
}
