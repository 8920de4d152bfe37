package fr.vigie.statuspage.server;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;

/** The headers every answer carries, and the full header set of a file representation. */
final class ResponseHeaders {
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";
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

    /** Read-only public data, as Statuspage serves it: any page may fetch it (browser dashboards). */
    static final String API_PREFIX = "api/";

    static boolean isApi(String path) {
        return path.startsWith(API_PREFIX);
    }

    /** CORS headers of the API's answers; no credentials are ever involved, so "*" is the whole policy. */
    static MultiMap cors() {
        return HttpHeaders.headers()
                .add("Access-Control-Allow-Origin", "*")
                .add("Access-Control-Expose-Headers", "ETag, Last-Modified");
    }

    /** The answer to a CORS preflight on an API path. */
    static MultiMap preflight() {
        return cors()
                .add("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
                .add("Access-Control-Allow-Headers", "If-None-Match, If-Modified-Since, Cache-Control")
                .add("Access-Control-Max-Age", "86400");
    }

    static MultiMap of(String path, String contentType, String etag, String lastModified, boolean varies,
                       boolean gzip) {
        MultiMap headers = of(contentType, etag, lastModified, varies, gzip);
        if (isApi(path)) {
            headers.addAll(cors());
        }
        return headers;
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
