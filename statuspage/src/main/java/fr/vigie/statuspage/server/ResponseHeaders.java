package fr.vigie.statuspage.server;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;

/** The headers every answer carries, and the full header set of a file representation. */
final class ResponseHeaders {
    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'none'";
    static final String CACHE = "public, max-age=30, stale-while-revalidate=60";

    private ResponseHeaders() {
    }

    /** Security headers, on every answer including errors. */
    static MultiMap security() {
        return HttpHeaders.headers()
                .add("Content-Security-Policy", CSP)
                .add("X-Content-Type-Options", "nosniff")
                .add("Referrer-Policy", "no-referrer")
                .add("X-Frame-Options", "DENY");
    }

    static MultiMap of(String contentType, String etag, String lastModified, boolean varies, boolean gzip) {
        MultiMap headers = security()
                .add(HttpHeaders.CONTENT_TYPE, contentType)
                .add(HttpHeaders.CACHE_CONTROL, CACHE)
                .add(HttpHeaders.LAST_MODIFIED, lastModified)
                .add(HttpHeaders.ETAG, etag);
        if (varies) {
            headers.add(HttpHeaders.VARY, "Accept-Encoding");
        }
        if (gzip) {
            headers.add(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        return headers;
    }
}
