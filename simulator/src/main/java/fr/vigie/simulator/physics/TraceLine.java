package fr.vigie.simulator.physics;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** One result line of docs/trace-format.md, written field by field in the documented order. */
final class TraceLine {
    private static final DateTimeFormatter TS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    Instant ts;
    Instant scheduled;
    String target;
    String vantage;
    String journey;
    String run;
    String step;
    String kind;
    String outcome = "ok";
    Integer status;
    String signature;
    Double dnsMs;
    Double connectMs;
    Double ttfbMs;
    Double totalMs;
    long bytes;
    boolean maintenance;
    String detail;

    /** Fills the result of a failure. */
    TraceLine fail(String outcome, Integer status, String signature, String detail) {
        this.outcome = outcome;
        this.status = status;
        this.signature = signature;
        this.detail = detail;
        return this;
    }

    String json() {
        StringBuilder b = new StringBuilder(360);
        b.append("{\"ts\":\"").append(TS.format(ts)).append("\",\"scheduled\":\"").append(TS.format(scheduled))
                .append("\",\"target\":");
        text(b, target).append(",\"vantage\":");
        text(b, vantage).append(",\"journey\":");
        text(b, journey).append(",\"run\":");
        text(b, run).append(",\"step\":");
        text(b, step).append(",\"kind\":");
        text(b, kind).append(",\"outcome\":");
        text(b, outcome).append(",\"status\":").append(status == null ? "null" : status.toString())
                .append(",\"signature\":");
        text(b, signature).append(",\"dns_ms\":");
        number(b, dnsMs).append(",\"connect_ms\":");
        number(b, connectMs).append(",\"tls_ms\":null,\"ttfb_ms\":");
        number(b, ttfbMs).append(",\"total_ms\":");
        number(b, totalMs).append(",\"bytes\":").append(bytes).append(",\"maintenance\":").append(maintenance);
        if (detail != null) {
            b.append(",\"detail\":");
            text(b, detail);
        }
        return b.append('}').toString();
    }

    private static StringBuilder text(StringBuilder b, String s) {
        if (s == null) {
            return b.append("null");
        }
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"');
    }

    private static StringBuilder number(StringBuilder b, Double v) {
        // microsecond precision, as the prober rounds; String.format would be the generator's main cost
        return v == null ? b.append("null") : b.append(Math.round(v * 1000) / 1000.0);
    }
}
