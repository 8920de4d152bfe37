package fr.vigie.probes.trace;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Field names and the timestamp format of the trace: the public contract of docs/trace-format.md. */
final class TraceFields {
    static final String TS = "ts";
    static final String SCHEDULED = "scheduled";
    static final String TARGET = "target";
    static final String VANTAGE = "vantage";
    static final String JOURNEY = "journey";
    static final String RUN = "run";
    static final String STEP = "step";
    static final String KIND = "kind";
    static final String OUTCOME = "outcome";
    static final String STATUS = "status";
    static final String SIGNATURE = "signature";
    static final String DNS_MS = "dns_ms";
    static final String CONNECT_MS = "connect_ms";
    static final String TLS_MS = "tls_ms";
    static final String TTFB_MS = "ttfb_ms";
    static final String TOTAL_MS = "total_ms";
    static final String BYTES = "bytes";
    static final String MAINTENANCE = "maintenance";
    static final String QUEUE_POSITION = "queue_position";
    static final String QUEUE_WAIT_S = "queue_wait_s";
    static final String DETAIL = "detail";

    /** Always UTC, always milliseconds: {@code 2021-04-06T06:00:00.000Z}. */
    static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private TraceFields() {
    }

    static String format(Instant instant) {
        return instant == null ? null : TIMESTAMP.format(instant);
    }
}
