package fr.vigie.probes.run;

import fr.vigie.probes.Outcome;
import io.vertx.core.http.HttpClosedException;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;

/** Names a transport failure: which outcome a thrown exception means, given the phase it happened in. */
final class FailureClassifier {
    private static final int MAX_DETAIL = 200;

    private FailureClassifier() {
    }

    static StepFailure classify(Throwable error, Phase phase, boolean deadlineExpired, long stepTimeoutMs) {
        if (error instanceof StepFailure f && f.outcome() != null) {
            return f;
        }
        if (deadlineExpired) {
            String bound = " within the step deadline (" + stepTimeoutMs + " ms)";
            return switch (phase) {
                case DNS -> new StepFailure(Outcome.DNS_FAILURE, "no DNS answer" + bound);
                case CONNECT -> new StepFailure(Outcome.CONNECT_TIMEOUT, "no TCP connection" + bound);
                case TLS -> new StepFailure(Outcome.TLS_FAILURE, "TLS handshake not finished" + bound);
                case RESPONSE -> new StepFailure(Outcome.RESPONSE_TIMEOUT, "no complete response" + bound);
            };
        }
        for (Throwable c = error; c != null; c = c.getCause()) {
            String msg = describe(c);
            if (c instanceof UnknownHostException) {
                return new StepFailure(Outcome.DNS_FAILURE, "unknown host " + c.getMessage());
            }
            if (c instanceof SSLException) {
                return new StepFailure(Outcome.TLS_FAILURE, msg);
            }
            if (isConnectTimeout(c)) {
                return new StepFailure(Outcome.CONNECT_TIMEOUT, msg);
            }
            if (c instanceof NoRouteToHostException) {
                return new StepFailure(Outcome.CONNECT_REFUSED, msg);
            }
            if (c instanceof ConnectException) {
                return new StepFailure(Outcome.CONNECT_REFUSED, msg);
            }
            if (phase == Phase.RESPONSE && isHttpDecodingFailure(c)) {
                // bytes that are not HTTP: a wrong service or a broken middlebox, not a reset (attack evidence)
                return new StepFailure(Outcome.PROTOCOL_ERROR, "the answer is not HTTP: " + msg);
            }
        }
        String msg = describe(error);
        return switch (phase) {
            case DNS -> new StepFailure(Outcome.DNS_FAILURE, msg);
            case CONNECT -> new StepFailure(Outcome.CONNECT_REFUSED, msg);
            // a peer that hangs up during the handshake is a TLS failure too
            case TLS -> new StepFailure(Outcome.TLS_FAILURE, msg);
            case RESPONSE -> new StepFailure(Outcome.RESET,
                    error instanceof HttpClosedException ? "connection closed before the response ended" : msg);
        };
    }

    /**
     * Netty's HTTP decoder refused the bytes: its own DecoderException family (a line or header too long), or the
     * exception it raised parsing a status line or header (an IllegalArgumentException "invalid version format",
     * a NumberFormatException for the status code), recognised by the decoder in its stack.
     */
    static boolean isHttpDecodingFailure(Throwable c) {
        for (Class<?> k = c.getClass(); k != null; k = k.getSuperclass()) {
            if (k.getName().equals("io.netty.handler.codec.DecoderException")) {
                return true;
            }
        }
        for (StackTraceElement frame : c.getStackTrace()) {
            if (frame.getClassName().startsWith("io.netty.handler.codec.http.")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isConnectTimeout(Throwable c) {
        return c.getClass().getName().equals("io.netty.channel.ConnectTimeoutException")
                || (c instanceof SocketTimeoutException
                && String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT).contains("connect"));
    }

    private static String describe(Throwable c) {
        String text = c.getClass().getSimpleName() + ": " + c.getMessage();
        return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) : text;
    }
}
