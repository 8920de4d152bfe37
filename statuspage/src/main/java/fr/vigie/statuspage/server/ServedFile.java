package fr.vigie.statuspage.server;

import io.vertx.core.buffer.Buffer;

import java.time.Instant;

/**
 * One file ready to send: its bytes, its gzip twin (or null), validators, and the full response headers
 * of each representation computed once at load time (the hot path only adds them).
 *
 * @param etag         strong validator of the identity bytes
 * @param gzipEtag     validator of the gzip bytes (a different representation needs a different ETag)
 * @param lastModified when these bytes were first served (kept across reloads while the bytes are the same)
 */
public record ServedFile(Buffer body, Buffer gzipBody, String etag, String gzipEtag, Instant lastModified,
                         ResponseHeaders.Block identityHeaders, ResponseHeaders.Block gzipHeaders,
                         ResponseHeaders.Block notModified, ResponseHeaders.Block gzipNotModified) {
}
