package fr.vigie.aggregator.store;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * An append-only file of InfluxDB lines ({@code <retention policy> TAB <line protocol>}) kept while the server
 * is down or slow. Replayed in file order; a partly replayed spool is replayed again in full, which is harmless
 * because a point's identity (measurement, tags, timestamp) makes a rewrite an overwrite.
 */
final class DiskSpool {
    private final Path file;

    DiskSpool(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create spool folder " + dir, e);
        }
        this.file = dir.resolve("influx-spool.lp");
    }

    boolean isEmpty() {
        try {
            return !Files.exists(file) || Files.size(file) == 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Size of the spool file (0 when empty); never throws, for metrics. */
    long bytes() {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    void append(List<SpooledLine> lines) {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
            for (SpooledLine l : lines) {
                w.write(l.retentionPolicy());
                w.write('\t');
                w.write(l.line());
                w.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to spool " + file, e);
        }
    }

    List<SpooledLine> readAll() {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(l -> l.indexOf('\t') > 0)
                    .map(l -> new SpooledLine(l.substring(0, l.indexOf('\t')), l.substring(l.indexOf('\t') + 1)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read spool " + file, e);
        }
    }

    void clear() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear spool " + file, e);
        }
    }

    /** One point waiting for InfluxDB. */
    record SpooledLine(String retentionPolicy, String line) {
    }
}
