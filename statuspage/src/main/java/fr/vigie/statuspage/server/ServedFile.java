package fr.vigie.statuspage.server;

import io.vertx.core.buffer.Buffer;

import java.time.Instant;

/**
 * One file ready to send: its bytes, its gzip twin (or null), and precomputed validators.
 *
 * @param etag         strong validator of the identity bytes
 * @param gzipEtag     validator of the gzip bytes (a different representation needs a different ETag)
 * @param lastModified when these bytes were first served (kept across reloads while the bytes are the same)
 */
public record ServedFile(Buffer body, Buffer gzipBody, String contentType, String etag, String gzipEtag,
                         Instant lastModified, String lastModifiedHttp) {
}
