package fr.vigie.app.mirror;

import fr.vigie.config.SiteMirror;
import org.apache.hc.client5.http.ContextBuilder;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.net.URIBuilder;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The WebDAV requests a push needs, with Apache HttpClient 5 (classic, blocking: called from the mirror's own
 * thread). Basic authentication is sent preemptively by the client; the password never appears in a message.
 * Every request is bounded by the mirror's {@code timeout}; no automatic retry (the pusher backs off itself).
 */
final class WebDavClient implements AutoCloseable {
    private final SiteMirror mirror;
    private final URI base;
    private final CloseableHttpClient client;
    private final HttpClientContext context;

    WebDavClient(SiteMirror mirror) {
        this.mirror = mirror;
        this.base = URI.create(mirror.url());
        Timeout timeout = Timeout.of(mirror.timeout());
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(timeout).setSocketTimeout(timeout).build())
                        .setMaxConnPerRoute(2).setMaxConnTotal(2).build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout)
                        .setConnectionRequestTimeout(timeout).build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .setUserAgent("Vigie-mirror/1")
                .build();
        ContextBuilder context = ContextBuilder.create();
        if (mirror.username() != null && mirror.password() != null) {
            context.preemptiveBasicAuth(HttpHost.create(base),
                    new UsernamePasswordCredentials(mirror.username(), mirror.password().reveal().toCharArray()));
        }
        this.context = context.build();
    }

    /** PUT {@code content} at {@code path}; 201 or 204 (or 200) is success. */
    void put(String path, byte[] content) throws MirrorException {
        expect(ClassicRequestBuilder.put(uri(path)).setEntity(new ByteArrayEntity(content,
                ContentType.APPLICATION_OCTET_STREAM)).build(), path, 200, 201, 204);
    }

    /**
     * MOVE {@code from} over {@code to} (Overwrite: T). Returns false when the server does not offer MOVE (405,
     * 501), so the caller writes in place.
     */
    boolean move(String from, String to) throws MirrorException {
        ClassicHttpRequest move = ClassicRequestBuilder.create("MOVE").setUri(uri(from))
                .setHeader("Destination", uri(to).toASCIIString()).setHeader("Overwrite", "T").build();
        int status = send(move, from);
        if (status == 405 || status == 501) {
            return false;
        }
        check(move, from, status, 201, 204);
        return true;
    }

    /** MKCOL of a folder ("a/b/"); 405 means it exists already. */
    void makeFolder(String folder) throws MirrorException {
        expect(ClassicRequestBuilder.create("MKCOL").setUri(uri(folder)).build(), folder, 201, 405);
    }

    /** DELETE; 404 means it is gone already. */
    void delete(String path) throws MirrorException {
        expect(ClassicRequestBuilder.delete(uri(path)).build(), path, 200, 204, 404);
    }

    private void expect(ClassicHttpRequest request, String path, int... ok) throws MirrorException {
        check(request, path, send(request, path), ok);
    }

    private void check(ClassicHttpRequest request, String path, int status, int... ok) throws MirrorException {
        if (Arrays.stream(ok).anyMatch(s -> s == status)) {
            return;
        }
        String what = request.getMethod() + " " + path;
        if (status == 401 || status == 403) {
            throw new MirrorException("auth-" + status, mirror.username() == null
                    ? "the mirror asks for an account (HTTP " + status + " on " + what + "): set username and "
                    + "password-env"
                    : "the mirror refused the account '" + mirror.username() + "' (HTTP " + status + " on " + what
                    + "): check username and the password in " + mirror.password().source());
        }
        throw new MirrorException("http-" + status, "HTTP " + status + " on " + what);
    }

    private int send(ClassicHttpRequest request, String path) throws MirrorException {
        try {
            return client.execute(request, context, response -> {
                EntityUtils.consume(response.getEntity());
                return response.getCode();
            });
        } catch (IOException e) {
            // the exception's message names the host or the error, never the credentials (not in the URL)
            throw new MirrorException("network",
                    request.getMethod() + " " + path + ": " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
        }
    }

    /** The URL of a site path under the mirror's folder, each segment encoded; a trailing '/' kept. */
    URI uri(String path) {
        try {
            List<String> segments = new ArrayList<>(Arrays.asList(path.split("/")));
            if (path.endsWith("/")) {
                segments.add("");
            }
            List<String> basePath = new URIBuilder(base).getPathSegments();
            List<String> all = new ArrayList<>(basePath.isEmpty() || !basePath.get(basePath.size() - 1).isEmpty()
                    ? basePath : basePath.subList(0, basePath.size() - 1));
            all.addAll(segments);
            return new URIBuilder(base).setPathSegments(all).build();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("bad site path " + path, e);
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
