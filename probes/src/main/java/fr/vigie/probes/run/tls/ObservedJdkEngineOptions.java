package fr.vigie.probes.run.tls;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.vertx.core.net.JdkSSLEngineOptions;
import io.vertx.core.spi.tls.SslContextFactory;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import java.util.List;
import java.util.Set;

/**
 * The JDK TLS engine, as Vert.x would build it, with each client engine observed through a
 * {@link HandshakeWaitList}. Set on the probe's {@code HttpClientOptions}.
 */
public final class ObservedJdkEngineOptions extends JdkSSLEngineOptions {
    private final HandshakeWaitList waitList;

    public ObservedJdkEngineOptions(HandshakeWaitList waitList) {
        this.waitList = waitList;
    }

    @Override
    public SslContextFactory sslContextFactory() {
        return new ObservedFactory(super.sslContextFactory(), waitList);
    }

    /** Vert.x copies its options; the copy must keep observing. */
    @Override
    public ObservedJdkEngineOptions copy() {
        ObservedJdkEngineOptions copy = new ObservedJdkEngineOptions(waitList);
        copy.setUseWorkerThread(getUseWorkerThread());
        return copy;
    }

    /** Passes every setting to Vert.x's own factory and wraps what it creates. */
    private record ObservedFactory(SslContextFactory factory, HandshakeWaitList waitList) implements SslContextFactory {
        @Override
        public SslContextFactory useAlpn(boolean useAlpn) {
            factory.useAlpn(useAlpn);
            return this;
        }

        @Override
        public SslContextFactory clientAuth(ClientAuth clientAuth) {
            factory.clientAuth(clientAuth);
            return this;
        }

        @Override
        public SslContextFactory forClient(boolean forClient) {
            factory.forClient(forClient);
            return this;
        }

        @Override
        public SslContextFactory keyMananagerFactory(KeyManagerFactory kmf) {
            factory.keyMananagerFactory(kmf);
            return this;
        }

        @Override
        public SslContextFactory trustManagerFactory(TrustManagerFactory tmf) {
            factory.trustManagerFactory(tmf);
            return this;
        }

        @Override
        public SslContextFactory enabledCipherSuites(Set<String> cipherSuites) {
            factory.enabledCipherSuites(cipherSuites);
            return this;
        }

        @Override
        public SslContextFactory applicationProtocols(List<String> protocols) {
            factory.applicationProtocols(protocols);
            return this;
        }

        @Override
        public SslContextFactory serverName(String serverName) {
            factory.serverName(serverName);
            return this;
        }

        @Override
        public SslContext create() throws SSLException {
            SslContext context = factory.create();
            return context.isClient() ? new ObservedSslContext(context, waitList) : context;
        }
    }
}
