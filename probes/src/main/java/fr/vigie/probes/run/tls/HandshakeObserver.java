package fr.vigie.probes.run.tls;

/** Told, once each, when an HTTPS connection starts and ends its TLS handshake ({@link System#nanoTime}). */
public interface HandshakeObserver {
    /** The engine wrote its first record (ClientHello): TCP is connected. Called on the connection's event loop. */
    void handshakeStarted(long nanos);

    /** The engine reported the handshake finished. Called on the connection's event loop. */
    void handshakeFinished(long nanos);
}
