package fr.vigie.probes;

import fr.vigie.config.StepKind;

import java.time.Instant;

/**
 * The result of one journey step: one line of the JSON-Lines trace (docs/trace-format.md),
 * published on the event bus at {@link #ADDRESS}. Timings are milliseconds, null when the phase
 * did not happen (no DNS for an IP literal, no TLS over plain HTTP, no TTFB when connect failed).
 *
 * @param ts          step start (UTC)
 * @param scheduled   when the round was scheduled, so a stalled prober cannot hide (coordinated omission)
 * @param target      target id
 * @param vantage     vantage id
 * @param journey     journey name
 * @param run         id of the journey run, shared by its steps
 * @param step        step name
 * @param kind        step kind
 * @param outcome     how it ended
 * @param status      HTTP status code, or null
 * @param signature   id of the matched body signature, or null
 * @param bytes       body bytes received
 * @param maintenance true inside a declared maintenance window
 * @param queuePosition position announced by a waiting-room page, or null
 * @param queueWaitS  wait announced by a waiting-room page in seconds, or null
 * @param detail      short human text (error message), never a secret; or null
 */
public record StepResult(Instant ts, Instant scheduled, String target, String vantage, String journey, String run,
                         String step, StepKind kind, Outcome outcome, Integer status, String signature,
                         Double dnsMs, Double connectMs, Double tlsMs, Double ttfbMs, Double totalMs,
                         long bytes, boolean maintenance, Integer queuePosition, Integer queueWaitS,
                         String detail) {

    /** Event-bus address where every step result is published. */
    public static final String ADDRESS = "vigie.results";

    public boolean ok() {
        return outcome == Outcome.OK;
    }
}
