package fr.vigie.alerts.delivery;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * One Apache HttpClient 5 (classic, blocking) for every HTTP receiver: called from the receivers' own
 * threads, never from an event loop. No automatic retries or redirects: the channel decides.
 */
public final class HttpSender implements AutoCloseable {
    /** Enough for an error message; a receiver answering megabytes costs us this much and a closed connection. */
    public static final int MAX_BODY_BYTES = 4096;

    private final CloseableHttpClient client;

    public HttpSender(DeliverySettings settings) {
        this(settings, SystemDefaultDnsResolver.INSTANCE);
    }

    /**
     * With a resolver of the caller's: the subscriptions module's webhooks pass one that refuses private addresses,
     * so a callback whose name resolves there is refused before any connection (no DNS rebinding between check and
     * connect).
     */
    public HttpSender(DeliverySettings settings, DnsResolver resolver) {
        Timeout connect = Timeout.of(settings.connectTimeout());
        Timeout response = Timeout.of(settings.responseTimeout());
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        // small requests: never let Nagle wait for a delayed ACK between headers and body
                        .setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true).build())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(connect).setSocketTimeout(response).build())
                        .setDnsResolver(resolver)
                        .setMaxConnPerRoute(8).setMaxConnTotal(64).build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(response).build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .setUserAgent("Vigie-alerts/1")
                .build();
    }

    /**
     * Sends the request and reads at most {@link #MAX_BODY_BYTES} of the answer's body. A longer body is not read
     * on: the connection is aborted (not drained) and the body text cut there.
     */
    public HttpAnswer exchange(ClassicHttpRequest request) throws IOException {
        ClassicHttpResponse response = client.executeOpen(null, request, null);
        boolean aborted = false;
        try {
            Header retry = response.getFirstHeader("Retry-After");
            String body = "";
            HttpEntity entity = response.getEntity();
            if (entity != null) {
                InputStream in = entity.getContent();
                byte[] head = in.readNBytes(MAX_BODY_BYTES);
                body = new String(head, charset(entity));
                if (in.read() != -1 && request instanceof Cancellable c) {
                    aborted = c.cancel(); // shuts the connection: closing the stream would read the rest
                }
            }
            return new HttpAnswer(response.getCode(), retry == null ? null : retry.getValue(), body);
        } finally {
            try {
                response.close();
            } catch (IOException e) {
                if (!aborted) {
                    throw e;
                }
                // the aborted connection refuses the drain attempt: expected
            }
        }
    }

    private static Charset charset(HttpEntity entity) {
        try {
            ContentType type = ContentType.parse(entity.getContentType());
            return type == null || type.getCharset() == null ? StandardCharsets.UTF_8 : type.getCharset();
        } catch (RuntimeException unknownCharset) {
            return StandardCharsets.UTF_8;
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
