package fr.vigie.statuspage.server;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/** An immutable, in-memory copy of one generation of the site: relative path to {@link ServedFile}. */
public final class SiteContent {
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("atom", "application/atom+xml"),
            Map.entry("rss", "application/rss+xml"),
            Map.entry("xml", "application/xml"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("js", "text/javascript"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("csv", "text/csv; charset=utf-8"),
            Map.entry("ics", "text/calendar; charset=utf-8"));

    private final Map<String, ServedFile> files;

    private SiteContent(Map<String, ServedFile> files) {
        this.files = Collections.unmodifiableMap(files);
    }

    public static SiteContent empty() {
        return new SiteContent(Map.of());
    }

    /**
     * Reads the folder {@code root} points to now (following the link, so a switch is picked up).
     * Files whose bytes did not change keep their Last-Modified from {@code previous}.
     */
    public static SiteContent load(Path root, SiteContent previous, Instant now) {
        Instant loadedAt = now.truncatedTo(ChronoUnit.SECONDS);
        Map<String, ServedFile> files = new HashMap<>();
        try {
            Path real = root.toRealPath();
            try (Stream<Path> walk = Files.walk(real)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    String key = real.relativize(file).toString().replace('\\', '/');
                    if (key.endsWith(".gz")) {
                        continue;
                    }
                    byte[] body = Files.readAllBytes(file);
                    Path gzFile = file.resolveSibling(file.getFileName() + ".gz");
                    byte[] gzip = Files.isRegularFile(gzFile) ? Files.readAllBytes(gzFile) : null;
                    String etag = etag(body);
                    ServedFile old = previous.files.get(key);
                    Instant modified = old != null && old.etag().equals(etag) ? old.lastModified() : loadedAt;
                    String gzipEtag = gzip == null ? null : etag.substring(0, etag.length() - 1) + "-gz\"";
                    String lastModified = DateTimeFormatter.RFC_1123_DATE_TIME.format(modified.atZone(ZoneOffset.UTC));
                    ResponseHeaders.Block identity = ResponseHeaders.of(key, contentType(key), etag, lastModified,
                            gzip != null, false, body.length);
                    // A 304 carries the identity headers less the body's own, with the validator it answers.
                    ResponseHeaders.Block unchanged = identity.without(HttpHeaders.CONTENT_TYPE)
                            .without(HttpHeaders.CONTENT_LENGTH);
                    files.put(key, new ServedFile(Buffer.buffer(body), gzip == null ? null : Buffer.buffer(gzip),
                            etag, gzipEtag, modified, identity,
                            gzip == null ? null : ResponseHeaders.of(key, contentType(key), gzipEtag, lastModified,
                                    true, true, gzip.length),
                            unchanged.with(HttpHeaders.ETAG, etag),
                            gzip == null ? null : unchanged.with(HttpHeaders.ETAG, gzipEtag)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not load the site from " + root, e);
        }
        return new SiteContent(files);
    }

    public ServedFile get(String path) {
        return files.get(path);
    }

    public int size() {
        return files.size();
    }

    static String contentType(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "application/octet-stream"
                : TYPES.getOrDefault(path.substring(dot + 1), "application/octet-stream");
    }

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
