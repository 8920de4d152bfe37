package fr.vigie.statuspage.server;

import io.netty.util.AsciiString;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;

import java.util.ArrayList;
import java.util.List;

/**
 * The headers every answer carries, and the full header set of a file representation, built once as a
 * {@link Block} of {@link AsciiString}s: on the hot path they are only added to the response, and Vert.x encodes
 * an AsciiString with one array copy instead of a character at a time (a profile of the site under wrk showed that
 * per-character encoding, and the String copies of {@code MultiMap.addAll}, as the largest costs of a request).
 */
final class ResponseHeaders {
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";
    static final String CACHE = "public, max-age=30, stale-while-revalidate=60";

    private ResponseHeaders() {
    }

    /** An immutable, ordered list of header lines, ready to add to a response. */
    static final class Block {
        private final AsciiString[] names;
        private final AsciiString[] values;

        private Block(List<AsciiString> names, List<AsciiString> values) {
            this.names = names.toArray(AsciiString[]::new);
            this.values = values.toArray(AsciiString[]::new);
        }

        /** Adds every line to {@code headers} (no String copy: the AsciiStrings themselves). */
        void addTo(MultiMap headers) {
            for (int i = 0; i < names.length; i++) {
                headers.add(names[i], values[i]);
            }
        }

        /** The value of the first line named {@code name} (case-insensitive), or null. */
        String get(CharSequence name) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].contentEqualsIgnoreCase(name)) {
                    return values[i].toString();
                }
            }
            return null;
        }

        /** This block without the lines named {@code name}. */
        Block without(CharSequence name) {
            Builder b = new Builder();
            for (int i = 0; i < names.length; i++) {
                if (!names[i].contentEqualsIgnoreCase(name)) {
                    b.add(names[i], values[i]);
                }
            }
            return b.build();
        }

        /** This block with {@code name} set to {@code value}: replaced in place, or added at the end. */
        Block with(CharSequence name, String value) {
            Builder b = new Builder();
            boolean done = false;
            for (int i = 0; i < names.length; i++) {
                if (names[i].contentEqualsIgnoreCase(name)) {
                    if (!done) {
                        b.add(names[i], value);
                        done = true;
                    }
                } else {
                    b.add(names[i], values[i]);
                }
            }
            return done ? b.build() : b.add(name, value).build();
        }
    }

    static final class Builder {
        private final List<AsciiString> names = new ArrayList<>();
        private final List<AsciiString> values = new ArrayList<>();

        Builder add(CharSequence name, CharSequence value) {
            // Checked once here with Vert.x's own validation, as MultiMap.add would on every request.
            HttpHeaders.headers().add(name, value);
            names.add(AsciiString.of(name));
            values.add(AsciiString.of(value));
            return this;
        }

        Builder addAll(Block block) {
            for (int i = 0; i < block.names.length; i++) {
                add(block.names[i], block.values[i]);
            }
            return this;
        }

        Block build() {
            return new Block(names, values);
        }
    }

    /** Security headers, on every answer including errors. */
    static final Block SECURITY = new Builder()
            .add("Content-Security-Policy", CSP)
            .add("X-Content-Type-Options", "nosniff")
            .add("Referrer-Policy", "no-referrer")
            .add("X-Frame-Options", "DENY")
            .build();

    /** Read-only public data, as Statuspage serves it: any page may fetch it (browser dashboards). */
    static final String API_PREFIX = "api/";

    static boolean isApi(String path) {
        return path.startsWith(API_PREFIX);
    }

    /** CORS headers of the API's answers; no credentials are ever involved, so "*" is the whole policy. */
    static final Block CORS = new Builder()
            .add("Access-Control-Allow-Origin", "*")
            .add("Access-Control-Expose-Headers", "ETag, Last-Modified")
            .build();

    /** The answer to a CORS preflight on an API path. */
    static final Block PREFLIGHT = new Builder().addAll(SECURITY).addAll(CORS)
            .add("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
            .add("Access-Control-Allow-Headers", "If-None-Match, If-Modified-Since, Cache-Control")
            .add("Access-Control-Max-Age", "86400")
            .add(HttpHeaders.ALLOW, "GET, HEAD, OPTIONS")
            .add(HttpHeaders.CONTENT_LENGTH, "0")
            .build();

    /**
     * The full headers of one representation of a file, Content-Length included (Vert.x then adds none of its own;
     * a HEAD answer carries the same length).
     */
    static Block of(String path, String contentType, String etag, String lastModified, boolean varies, boolean gzip,
                    int length) {
        Builder headers = new Builder().addAll(SECURITY)
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
        if (isApi(path)) {
            headers.addAll(CORS);
        }
        headers.add(HttpHeaders.CONTENT_LENGTH, Integer.toString(length));
        return headers.build();
    }
}
