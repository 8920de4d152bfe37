package fr.vigie.probes;

import java.util.Locale;

/** How a step ended: exactly one per step. Wire names are lower-case ({@code connect_timeout}). */
public enum Outcome {
    OK,
    DNS_FAILURE,
    CONNECT_REFUSED,
    CONNECT_TIMEOUT,
    TLS_FAILURE,
    /** connection reset by the peer, or closed before a full response */
    RESET,
    /** connected, but the response (or its end) did not arrive within the step deadline */
    RESPONSE_TIMEOUT,
    /** an HTTP status outside the expected ones, with no more precise signature */
    HTTP_ERROR,
    ASSERTION_FAILED,
    /** the platform said the credentials are wrong: a probe configuration problem, not an outage */
    LOGIN_REJECTED,
    /** the body matched a failure signature (disk full, waiting room, challenge page...) */
    SIGNATURE,
    TOO_LARGE,
    REDIRECT_LOOP,
    /** not run: journey aborted earlier, account in back-off, or previous round still running */
    SKIPPED,
    /** the peer answered bytes that are not HTTP (a wrong service on the port, a broken middlebox) */
    PROTOCOL_ERROR,
    /**
     * Vigie's own failure while running the step (a bug, an exhausted local resource): never evidence about
     * the platform, kept out of every verdict and reported to the operator.
     */
    INTERNAL_ERROR;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Outcome fromWire(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
