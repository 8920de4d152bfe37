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
    private final AtomicReference<SiteContent> content;

    SiteRequestHandler(AtomicReference<SiteContent> content) {
        this.content = content;
    }

    @Override
    public void handle(HttpServerRequest request) {
        HttpServerResponse response = request.response();
        HttpMethod method = request.method();
        String path = SitePath.decode(request.path());
        boolean api = path != null && ResponseHeaders.isApi(path);
        if (method == HttpMethod.OPTIONS && api) {
            // CORS preflight of a browser dashboard: the API is public and read-only.
            ResponseHeaders.PREFLIGHT.addTo(response.headers());
            response.setStatusCode(204).end();
            return;
        }
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            response.headers().add(HttpHeaders.ALLOW, api ? "GET, HEAD, OPTIONS" : "GET, HEAD");
            plain(response, 405, "method not allowed");
            return;
        }
        if (path == null) {
            plain(response, 400, "bad request");
            return;
        }
        SiteContent site = content.get();
        String key = path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
        ServedFile file = site.get(key);
        if (file == null && site.get(path + "/index.html") != null) {
            response.headers().add(HttpHeaders.LOCATION, "/" + path + "/");
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
        boolean gzip = file.gzipBody() != null && acceptsGzip(request);
        String etag = gzip ? file.gzipEtag() : file.etag();
        MultiMap headers = response.headers();
        if (status == 200 && notModified(request, etag, file.lastModified())) {
            (gzip ? file.gzipNotModified() : file.notModified()).addTo(headers);
            response.setStatusCode(304).end();
            return;
        }
        // Content-Length is in the block: the same for GET and HEAD.
        (gzip ? file.gzipHeaders() : file.identityHeaders()).addTo(headers);
        response.setStatusCode(status);
        if (request.method() == HttpMethod.HEAD) {
            response.end();
        } else {
            response.end(gzip ? file.gzipBody() : file.body());
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
        ResponseHeaders.SECURITY.addTo(response.headers());
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
                .end(io.vertx.core.buffer.Buffer.buffer(text.getBytes(StandardCharsets.UTF_8)));
    }
}
