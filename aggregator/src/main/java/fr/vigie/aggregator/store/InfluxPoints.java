package fr.vigie.aggregator.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.IncidentEvent;
import fr.vigie.aggregator.Status;
import fr.vigie.aggregator.Verdict;
import fr.vigie.config.StepKind;
import fr.vigie.probes.Outcome;
import fr.vigie.probes.StepResult;
import org.influxdb.dto.Point;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Maps results, verdicts and incident events to InfluxDB points and back. A point's identity is its measurement,
 * tags and nanosecond timestamp, so writing the same item twice leaves one point (the spool relies on it).
 * Free texts are stored JSON-quoted so that no raw newline can reach the line protocol or the spool file.
 */
final class InfluxPoints {
    static final String RESULTS = "results";
    static final String VERDICTS = "verdicts";
    static final String EVENTS = "incident_events";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private InfluxPoints() {
    }

    static Point result(StepResult r) {
        Point.Builder p = Point.measurement(RESULTS).time(EpochNanos.of(r.ts()), TimeUnit.NANOSECONDS);
        tag(p, "target", r.target());
        tag(p, "vantage", r.vantage());
        tag(p, "step", r.step());
        // an instant as text: JSON numbers come back as doubles and would lose the nanoseconds
        if (r.scheduled() != null) p.addField("scheduled", r.scheduled().toString());
        text(p, "journey", r.journey());
        text(p, "run", r.run());
        if (r.kind() != null) p.addField("kind", r.kind().name());
        p.addField("outcome", r.outcome().wire());
        if (r.status() != null) p.addField("status", (long) r.status());
        text(p, "signature", r.signature());
        number(p, "dns_ms", r.dnsMs());
        number(p, "connect_ms", r.connectMs());
        number(p, "tls_ms", r.tlsMs());
        number(p, "ttfb_ms", r.ttfbMs());
        number(p, "total_ms", r.totalMs());
        p.addField("bytes", r.bytes());
        p.addField("maintenance", r.maintenance());
        if (r.queuePosition() != null) p.addField("queue_position", (long) r.queuePosition());
        if (r.queueWaitS() != null) p.addField("queue_wait_s", (long) r.queueWaitS());
        text(p, "detail", r.detail());
        return p.build();
    }

    static StepResult result(Map<String, Object> row) {
        String kind = (String) row.get("kind");
        return new StepResult(time(row), instant(row.get("scheduled")), (String) row.get("target"),
                (String) row.get("vantage"), untext(row.get("journey")), untext(row.get("run")),
                (String) row.get("step"), kind == null ? null : StepKind.valueOf(kind),
                Outcome.fromWire((String) row.get("outcome")), integer(row.get("status")), untext(row.get("signature")),
                dbl(row.get("dns_ms")), dbl(row.get("connect_ms")), dbl(row.get("tls_ms")), dbl(row.get("ttfb_ms")),
                dbl(row.get("total_ms")), ((Number) row.get("bytes")).longValue(),
                Boolean.TRUE.equals(row.get("maintenance")), integer(row.get("queue_position")),
                integer(row.get("queue_wait_s")), untext(row.get("detail")));
    }

    static Point verdict(Verdict v) {
        Point.Builder p = Point.measurement(VERDICTS).time(EpochNanos.of(v.ts()), TimeUnit.NANOSECONDS);
        tag(p, "target", v.target());
        p.addField("status", v.status().wire());
        p.addField("cause", v.cause().wire());
        p.addField("causes", StoredJson.causes(v.causes()));
        p.addField("confidence", v.confidence());
        p.addField("evidence", StoredJson.evidence(v.evidence()));
        text(p, "incident", v.incident());
        return p.build();
    }

    static Verdict verdict(Map<String, Object> row) {
        return new Verdict(time(row), (String) row.get("target"), Status.fromWire((String) row.get("status")),
                Cause.fromWire((String) row.get("cause")), StoredJson.causes((String) row.get("causes")),
                ((Number) row.get("confidence")).doubleValue(), StoredJson.evidence((String) row.get("evidence")),
                untext(row.get("incident")));
    }

    static Point event(IncidentEvent e) {
        Point.Builder p = Point.measurement(EVENTS).time(EpochNanos.of(e.ts()), TimeUnit.NANOSECONDS);
        // seq as a tag: two events of one incident may share a timestamp and must stay two points.
        p.tag("seq", Long.toString(e.seq()));
        tag(p, "incident_id", e.incidentId());
        p.addField("type", e.type().name());
        if (e.status() != null) p.addField("status", e.status().wire());
        if (e.cause() != null) p.addField("cause", e.cause().wire());
        p.addField("targets", StoredJson.strings(e.targets()));
        p.addField("evidence", StoredJson.evidence(e.evidence()));
        text(p, "message", e.message());
        text(p, "author", e.author());
        return p.build();
    }

    static IncidentEvent event(Map<String, Object> row) {
        String status = (String) row.get("status");
        String cause = (String) row.get("cause");
        return new IncidentEvent((String) row.get("incident_id"), Long.parseLong((String) row.get("seq")), time(row),
                IncidentEvent.Type.valueOf((String) row.get("type")),
                status == null ? null : Status.fromWire(status), cause == null ? null : Cause.fromWire(cause),
                StoredJson.strings((String) row.get("targets")), StoredJson.evidence((String) row.get("evidence")),
                untext(row.get("message")), untext(row.get("author")));
    }

    private static void tag(Point.Builder p, String name, String value) {
        if (value != null && !value.isEmpty()) {
            p.tag(name, value);
        }
    }

    private static void number(Point.Builder p, String name, Double value) {
        if (value != null) {
            p.addField(name, value);
        }
    }

    private static void text(Point.Builder p, String name, String value) {
        if (value != null) {
            try {
                p.addField(name, MAPPER.writeValueAsString(value));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String untext(Object stored) {
        if (stored == null) {
            return null;
        }
        try {
            return MAPPER.readValue((String) stored, String.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt text field in InfluxDB", e);
        }
    }

    private static Instant time(Map<String, Object> row) {
        return Instant.parse((String) row.get("time"));
    }

    private static Instant instant(Object v) {
        return v == null ? null : Instant.parse((String) v);
    }

    private static Integer integer(Object v) {
        return v == null ? null : ((Number) v).intValue();
    }

    private static Double dbl(Object v) {
        return v == null ? null : ((Number) v).doubleValue();
    }
}
