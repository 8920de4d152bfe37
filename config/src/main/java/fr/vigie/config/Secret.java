package fr.vigie.config;

import java.util.Objects;

/**
 * A secret value (password, token, webhook URL) resolved from the environment or a file.
 * Its {@code toString()} is masked so that it never reaches a log, a trace, a page or an exception.
 * Call {@link #reveal()} only at the point of use (building a request body or header).
 */
public final class Secret {
    private final String source;
    private final String value;

    private Secret(String source, String value) {
        this.source = Objects.requireNonNull(source);
        this.value = Objects.requireNonNull(value);
    }

    /** @param source where it came from, for diagnostics ("env:ENT_PASSWORD", "file:/run/s"); never the value. */
    public static Secret of(String source, String value) {
        return new Secret(source, value);
    }

    /** The clear value. Never log or print it. */
    public String reveal() {
        return value;
    }

    /** Where the value came from ("env:NAME", "file:/path" or "literal"); safe to print. */
    public String source() {
        return source;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return "Secret[" + source + ", ******]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.source.equals(source) && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, value);
    }
}
