package fr.vigie.statuspage.server;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Answers GET and HEAD from the in-memory site and nothing else: unknown paths get the site's 404
 * page, dot segments (plain or percent-encoded) are refused, folders map to their {@code index.html}
 * and there is no listing. Every answer carries the security headers.
 */
final class SiteRequestHandler implements Handler<HttpServerRequest> {
    private static final CharSequence CACHE = HttpHeaders.createOptimized("public, max-age=30, stale-while-revalidate=60");
    private static final CharSequence CSP = HttpHeaders.createOptimized("default-src 'none'; style-src 'self'; "
            + "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    private static final CharSequence NOSNIFF = HttpHeaders.createOptimized("nosniff");
    private static final CharSequence REFERRER = HttpHeaders.createOptimized("no-referrer");
    private static final CharSequence DENY = HttpHeaders.createOptimized("DENY");
    private static final CharSequence VARY = HttpHeaders.createOptimized("Accept-Encoding");
    private static final CharSequence GZIP = HttpHeaders.createOptimized("gzip");
    private static final CharSequence CSP_NAME = HttpHeaders.createOptimized("Content-Security-Policy");
    private static final CharSequence NOSNIFF_NAME = HttpHeaders.createOptimized("X-Content-Type-Options");
    private static final CharSequence REFERRER_NAME = HttpHeaders.createOptimized("Referrer-Policy");
    private static final CharSequence FRAME_NAME = HttpHeaders.createOptimized("X-Frame-Options");

    private final AtomicReference<SiteContent> content;

    SiteRequestHandler(AtomicReference<SiteContent> content) {
        this.content = content;
    }

    @Override
    public void handle(HttpServerRequest request) {
        HttpServerResponse response = request.response();
        MultiMap headers = response.headers();
        headers.add(CSP_NAME, CSP).add(NOSNIFF_NAME, NOSNIFF).add(REFERRER_NAME, REFERRER).add(FRAME_NAME, DENY);
        HttpMethod method = request.method();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            headers.add(HttpHeaders.ALLOW, "GET, HEAD");
            plain(response, 405, "method not allowed");
            return;
        }
        String path = SitePath.decode(request.path());
        if (path == null) {
            plain(response, 400, "bad request");
            return;
        }
        SiteContent site = content.get();
        String key = path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
        ServedFile file = site.get(key);
        if (file == null && site.get(path + "/index.html") != null) {
            headers.add(HttpHeaders.LOCATION, "/" + path + "/");
            plain(response, 301, "moved");
            return;
        }
        if (file == null) {
            notFound(request, response, site, path);
            return;
        }
        send(request, response, file, 200);
    }

    private static void send(HttpServerRequest request, HttpServerResponse response, ServedFile file, int status) {
        MultiMap headers = response.headers();
        boolean gzip = file.gzipBody() != null && acceptsGzip(request);
        String etag = gzip ? file.gzipEtag() : file.etag();
        headers.add(HttpHeaders.CONTENT_TYPE, file.contentType());
        headers.add(HttpHeaders.CACHE_CONTROL, CACHE);
        headers.add(HttpHeaders.LAST_MODIFIED, file.lastModifiedHttp());
        headers.add(HttpHeaders.ETAG, etag);
        if (file.gzipBody() != null) {
            headers.add(HttpHeaders.VARY, VARY);
        }
        if (status == 200 && notModified(request, etag, file.lastModified())) {
            response.setStatusCode(304).end();
            return;
        }
        if (gzip) {
            headers.add(HttpHeaders.CONTENT_ENCODING, GZIP);
        }
        response.setStatusCode(status);
        var body = gzip ? file.gzipBody() : file.body();
        if (request.method() == HttpMethod.HEAD) {
            headers.add(HttpHeaders.CONTENT_LENGTH, String.valueOf(body.length()));
            response.end();
        } else {
            response.end(body);
        }
    }

    private static void notFound(HttpServerRequest request, HttpServerResponse response, SiteContent site,
                                 String path) {
        int slash = path.indexOf('/');
        ServedFile page = slash > 0 ? site.get(path.substring(0, slash + 1) + "404.html") : null;
        if (page == null) {
            page = site.get("404.html");
        }
        if (page == null) {
            plain(response, 404, "not found");
        } else {
            send(request, response, page, 404);
        }
    }

    private static boolean acceptsGzip(HttpServerRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        return accept != null && accept.contains("gzip");
    }

    /** If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2). */
    private static boolean notModified(HttpServerRequest request, String etag, Instant lastModified) {
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            for (String candidate : ifNoneMatch.split(",")) {
                String tag = candidate.trim();
                if (tag.startsWith("W/")) {
                    tag = tag.substring(2);
                }
                if (tag.equals("*") || tag.equals(etag)) {
                    return true;
                }
            }
            return false;
        }
        String ifModifiedSince = request.getHeader(HttpHeaders.IF_MODIFIED_SINCE);
        if (ifModifiedSince != null) {
            try {
                Instant since = ZonedDateTime.parse(ifModifiedSince, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return !lastModified.isAfter(since);
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }

    private static void plain(HttpServerResponse response, int status, String text) {
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
                .end(io.vertx.core.buffer.Buffer.buffer(text.getBytes(StandardCharsets.UTF_8)));
    }
}
