package fr.vigie.probes.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.config.StepKind;
import fr.vigie.probes.Outcome;
import fr.vigie.probes.StepResult;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static fr.vigie.probes.trace.TraceFields.*;

/**
 * Streams a JSON-Lines trace back into step results. Unknown fields are ignored (the format grows),
 * blank lines are skipped, and a bad line fails with a {@link TraceFormatException} naming its line.
 */
public final class TraceReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TraceReader() {
    }

    /** Lazily reads {@code file}; close the stream to release it. */
    public static Stream<StepResult> read(Path file) throws IOException {
        BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        return read(in).onClose(() -> {
            try {
                in.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Lazily reads lines from {@code in}; the caller closes it. */
    public static Stream<StepResult> read(BufferedReader in) {
        Iterator<StepResult> it = new Iterator<>() {
            long lineNumber;
            StepResult next;

            @Override
            public boolean hasNext() {
                if (next != null) {
                    return true;
                }
                try {
                    String line;
                    while ((line = in.readLine()) != null) {
                        lineNumber++;
                        if (!line.isBlank()) {
                            next = parse(lineNumber, line);
                            return true;
                        }
                    }
                    return false;
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read trace after line " + lineNumber, e);
                }
            }

            @Override
            public StepResult next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                StepResult r = next;
                next = null;
                return r;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }

    /** Parses one line; {@code lineNumber} only serves the error message. */
    public static StepResult parse(long lineNumber, String line) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new TraceFormatException(lineNumber, "not JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (n == null || !n.isObject()) {
            throw new TraceFormatException(lineNumber, "not a JSON object", null);
        }
        try {
            return new StepResult(
                    instant(n, TS, true), instant(n, SCHEDULED, false),
                    text(n, TARGET, true), text(n, VANTAGE, false), text(n, JOURNEY, false),
                    text(n, RUN, false), text(n, STEP, true),
                    kind(text(n, KIND, false)), Outcome.fromWire(text(n, OUTCOME, true)),
                    integer(n, STATUS), text(n, SIGNATURE, false),
                    number(n, DNS_MS), number(n, CONNECT_MS), number(n, TLS_MS), number(n, TTFB_MS),
                    number(n, TOTAL_MS),
                    n.path(BYTES).asLong(0), n.path(MAINTENANCE).asBoolean(false),
                    integer(n, QUEUE_POSITION), integer(n, QUEUE_WAIT_S), text(n, DETAIL, false));
        } catch (TraceFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new TraceFormatException(lineNumber, e.getMessage(), e);
        }
    }

    private static StepKind kind(String s) {
        return s == null ? null : StepKind.valueOf(s.toUpperCase(Locale.ROOT));
    }

    private static String text(JsonNode n, String field, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new IllegalArgumentException("missing field " + field);
            }
            return null;
        }
        return v.asText();
    }

    private static Instant instant(JsonNode n, String field, boolean required) {
        String s = text(n, field, required);
        try {
            return s == null ? null : Instant.parse(s);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("field " + field + " is not an ISO-8601 instant: " + s);
        }
    }

    private static Double number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw new IllegalArgumentException("field " + field + " is not a number");
        }
        return v.asDouble();
    }

    private static Integer integer(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw new IllegalArgumentException("field " + field + " is not a number");
        }
        return v.asInt();
    }
}
