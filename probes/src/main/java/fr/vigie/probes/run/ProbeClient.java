package fr.vigie.probes.run;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.net.TrustOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.client.WebClientSession;
import io.vertx.ext.web.client.spi.CookieStore;
import fr.vigie.probes.run.tls.HandshakeWaitList;
import fr.vigie.probes.run.tls.ObservedJdkEngineOptions;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The prober's HTTP machinery, shared by all journeys, and how it times each phase of a hop:
 * <ul>
 *   <li>DNS: the name is resolved by {@link HostResolver} before anything else (timed); the request then
 *       goes to the resolved address with the name as virtual host (Host header, SNI, cookie domain).</li>
 *   <li>connect: keep-alive is off, so each hop opens a connection; it runs from the request being issued to
 *       the connection being up (HTTP: the client's connect handler) or, for HTTPS, to the TLS engine writing
 *       its ClientHello, which it does as soon as TCP connects.</li>
 *   <li>TLS: for HTTPS, from that ClientHello to the engine reporting the handshake finished, on the same
 *       connection (see {@link fr.vigie.probes.run.tls}).</li>
 *   <li>TTFB: from the request being handed to the connection to the response head being parsed.</li>
 * </ul>
 */
final class ProbeClient {
    private static final int POOL_SIZE = 512;
    private final HostResolver resolver;
    private final HandshakeWaitList handshakes = new HandshakeWaitList();
    private final HttpClientAgent http;
    private final WebClient web;
    private final Map<HttpConnection, Long> connectedAt = new ConcurrentHashMap<>();

    ProbeClient(Vertx vertx, HostResolver resolver, int connectTimeoutMs, String userAgent, TrustOptions trust) {
        this.resolver = resolver;
        HttpClientOptions options = new HttpClientOptions().setConnectTimeout(connectTimeoutMs).setKeepAlive(false)
                .setVerifyHost(true).setTrustAll(false).setSslEngineOptions(new ObservedJdkEngineOptions(handshakes));
        if (trust != null) {
            options.setTrustOptions(trust);
        }
        // Targets hosted on one address share a pool key: a large pool keeps them from queueing behind each
        // other, which would otherwise count as connect time.
        this.http = vertx.httpClientBuilder().with(options).with(new PoolOptions().setHttp1MaxSize(POOL_SIZE))
                .withConnectHandler(this::connected).build();
        this.web = WebClient.wrap(http, new WebClientOptions().setFollowRedirects(false).setUserAgentEnabled(true)
                .setUserAgent(userAgent));
    }

    private void connected(HttpConnection conn) {
        connectedAt.put(conn, System.nanoTime());
        conn.closeHandler(v -> connectedAt.remove(conn));
    }

    /** When set-up of {@code conn} ended (System.nanoTime), or null if unknown. */
    Long connectedAt(HttpConnection conn) {
        return conn == null ? null : connectedAt.get(conn);
    }

    HostResolver resolver() {
        return resolver;
    }

    /** A session of its own for one journey: cookies are never shared between journeys. */
    WebClientSession session(CookieStore cookies) {
        return WebClientSession.create(web, cookies);
    }

    /** Where HTTPS hops wait for their connection's TLS engine. */
    HandshakeWaitList handshakes() {
        return handshakes;
    }

    Future<Void> close() {
        return Future.join(http.close(), resolver.close()).mapEmpty();
    }
}
