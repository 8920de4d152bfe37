package fr.vigie.probes.trace;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.vigie.probes.StepResult;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

import static fr.vigie.probes.trace.TraceFields.*;

/**
 * Appends step results to a JSON-Lines trace, one line per result, flushed at once so that a crash
 * loses at most the line being written. Thread-safe.
 */
public final class TraceWriter implements Closeable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Writer out;

    public TraceWriter(Writer out) {
        this.out = out;
    }

    /** Opens {@code file} for appending, creating it (and its folder) if needed. */
    public static TraceWriter append(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return new TraceWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE));
    }

    /** Writes one line; an I/O failure is rethrown unchecked. */
    public synchronized void write(StepResult result) {
        try {
            out.write(toLine(result));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to trace", e);
        }
    }

    /** The JSON text of one result, without the newline. */
    public static String toLine(StepResult r) {
        ObjectNode n = JSON.createObjectNode();
        n.put(TS, format(r.ts()));
        n.put(SCHEDULED, format(r.scheduled()));
        n.put(TARGET, r.target());
        n.put(VANTAGE, r.vantage());
        n.put(JOURNEY, r.journey());
        n.put(RUN, r.run());
        n.put(STEP, r.step());
        n.put(KIND, r.kind() == null ? null : r.kind().name().toLowerCase(Locale.ROOT));
        n.put(OUTCOME, r.outcome() == null ? null : r.outcome().wire());
        n.put(STATUS, r.status());
        n.put(SIGNATURE, r.signature());
        n.put(DNS_MS, r.dnsMs());
        n.put(CONNECT_MS, r.connectMs());
        n.put(TLS_MS, r.tlsMs());
        n.put(TTFB_MS, r.ttfbMs());
        n.put(TOTAL_MS, r.totalMs());
        n.put(BYTES, r.bytes());
        n.put(MAINTENANCE, r.maintenance());
        // Optional fields are written only when present, so ordinary lines stay short.
        if (r.queuePosition() != null) {
            n.put(QUEUE_POSITION, r.queuePosition());
        }
        if (r.queueWaitS() != null) {
            n.put(QUEUE_WAIT_S, r.queueWaitS());
        }
        if (r.detail() != null) {
            n.put(DETAIL, r.detail());
        }
        try {
            return JSON.writeValueAsString(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
