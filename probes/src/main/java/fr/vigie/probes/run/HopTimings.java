package fr.vigie.probes.run;

import fr.vigie.probes.run.tls.HandshakeObserver;

/**
 * Phase durations of one hop in ms; null when the phase did not happen. Filled as the hop goes: by the hop
 * itself and, for HTTPS, by the connection's TLS engine (on the connection's event loop, hence volatile).
 */
final class HopTimings implements HandshakeObserver {
    volatile Phase phase = Phase.DNS;
    Double dnsMs;
    Double connectMs;
    Double tlsMs;
    Double ttfbMs;
    /** when the request was handed to the HTTP client, which then opens the connection */
    long connectStartNanos;
    long requestSentNanos;
    /** HTTPS: when the first TLS record left, i.e. when TCP had just connected; 0 until then */
    private volatile long handshakeStartNanos;
    private volatile long handshakeEndNanos;
    /** status of a response whose head arrived, even if its body then failed */
    Integer status;
    /** body bytes received so far by this hop, kept up to date as they arrive */
    long bodyBytes;

    @Override
    public void handshakeStarted(long nanos) {
        handshakeStartNanos = nanos;
        phase = Phase.TLS;
    }

    @Override
    public void handshakeFinished(long nanos) {
        handshakeEndNanos = nanos;
    }

    /**
     * Settles connect and TLS times once the connection is up ({@code setUpEndNanos}, from the client's connect
     * handler) or has failed (null). Over HTTPS the TLS engine's own instants split the set-up.
     */
    void connectionSettled(Long setUpEndNanos) {
        if (connectMs != null || connectStartNanos == 0) {
            return;
        }
        if (handshakeStartNanos != 0) {
            connectMs = Millis.between(connectStartNanos, handshakeStartNanos);
            long end = handshakeEndNanos != 0 ? handshakeEndNanos : setUpEndNanos == null ? 0 : setUpEndNanos;
            tlsMs = end == 0 ? null : Millis.between(handshakeStartNanos, end);
        } else if (setUpEndNanos != null) {
            connectMs = Millis.between(connectStartNanos, setUpEndNanos);
        }
    }
}
