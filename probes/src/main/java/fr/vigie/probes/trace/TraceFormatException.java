package fr.vigie.probes.trace;

/** A trace line that cannot be read, with its 1-based line number. */
public final class TraceFormatException extends RuntimeException {
    private final long line;

    public TraceFormatException(long line, String message, Throwable cause) {
        super("trace line " + line + ": " + message, cause);
        this.line = line;
    }

    public long line() {
        return line;
    }
}
