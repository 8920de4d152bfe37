/**
 * TLS handshake timing from inside the connection that carries the request.
 *
 * <p>The probe's HTTPS connections get an {@link javax.net.ssl.SSLEngine} that notes when it writes its
 * first record (the ClientHello, sent as soon as TCP connects) and when the handshake finishes. Those two
 * instants split the connection set-up into TCP connect and TLS handshake without a second connection.
 * Engines are matched to the hop that asked for them through a {@link fr.vigie.probes.run.tls.HandshakeWaitList}.
 */
package fr.vigie.probes.run.tls;
