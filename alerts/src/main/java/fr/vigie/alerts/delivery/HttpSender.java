package fr.vigie.alerts.delivery;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;

/**
 * One Apache HttpClient 5 (classic, blocking) for every HTTP receiver: called from the receivers' own
 * threads, never from an event loop. No automatic retries or redirects: the channel decides.
 */
public final class HttpSender implements AutoCloseable {
    private static final int MAX_BODY_CHARS = 4096;

    private final CloseableHttpClient client;

    public HttpSender(DeliverySettings settings) {
        Timeout connect = Timeout.of(settings.connectTimeout());
        Timeout response = Timeout.of(settings.responseTimeout());
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        // small requests: never let Nagle wait for a delayed ACK between headers and body
                        .setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true).build())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(connect).setSocketTimeout(response).build())
                        .setMaxConnPerRoute(8).setMaxConnTotal(64).build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(response).build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .setUserAgent("Vigie-alerts/1")
                .build();
    }

    public HttpAnswer exchange(ClassicHttpRequest request) throws IOException {
        return client.execute(request, response -> {
            Header retry = response.getFirstHeader("Retry-After");
            String body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity());
            if (body.length() > MAX_BODY_CHARS) body = body.substring(0, MAX_BODY_CHARS);
            return new HttpAnswer(response.getCode(), retry == null ? null : retry.getValue(), body);
        });
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
