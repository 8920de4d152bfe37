package fr.vigie.probes.run.tls;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ApplicationProtocolNegotiator;
import io.netty.handler.ssl.SslContext;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSessionContext;
import java.util.List;

/** A Netty client {@link SslContext} whose engines are observed when a hop waits for them. */
final class ObservedSslContext extends SslContext {
    private final SslContext context;
    private final HandshakeWaitList waitList;

    ObservedSslContext(SslContext context, HandshakeWaitList waitList) {
        this.context = context;
        this.waitList = waitList;
    }

    @Override
    public SSLEngine newEngine(ByteBufAllocator alloc, String peerHost, int peerPort) {
        SSLEngine engine = context.newEngine(alloc, peerHost, peerPort);
        HandshakeObserver hop = waitList.claim(peerHost, peerPort);
        return hop == null ? engine : new ObservedSslEngine(engine, hop);
    }

    @Override
    public SSLEngine newEngine(ByteBufAllocator alloc) {
        return context.newEngine(alloc);
    }

    @Override
    public boolean isClient() {
        return context.isClient();
    }

    @Override
    public List<String> cipherSuites() {
        return context.cipherSuites();
    }

    @Override
    public long sessionCacheSize() {
        return context.sessionCacheSize();
    }

    @Override
    public long sessionTimeout() {
        return context.sessionTimeout();
    }

    @Override
    @SuppressWarnings("deprecation")
    public ApplicationProtocolNegotiator applicationProtocolNegotiator() {
        return context.applicationProtocolNegotiator();
    }

    @Override
    public SSLSessionContext sessionContext() {
        return context.sessionContext();
    }
}
