package fr.vigie.probes.run;

/** Phase durations of one hop in ms; null when the phase did not happen. Filled as the hop goes. */
final class HopTimings {
    Phase phase = Phase.DNS;
    Double dnsMs;
    Double connectMs;
    Double tlsMs;
    Double ttfbMs;
    long requestSentNanos;
    /** status of a response whose head arrived, even if its body then failed */
    Integer status;
    /** body bytes received so far by this hop, kept up to date as they arrive */
    long bodyBytes;
}
