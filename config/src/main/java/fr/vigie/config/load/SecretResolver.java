package fr.vigie.config.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the secret syntax of a whole string value: {@code ${NAME}}, {@code ${NAME:-default}}
 * (the default may be empty) and {@code file:/path} (content without its final newline; a relative
 * path is resolved against the config file's folder). Error messages name the variable or the file,
 * never a value.
 */
final class SecretResolver {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:-(.*))?}", Pattern.DOTALL);
    private static final Pattern FILE = Pattern.compile("file:(.+)", Pattern.DOTALL);

    /** Values shorter than this are not redacted from messages: they would garble them and hide nothing. */
    private static final int REDACT_MIN_LENGTH = 3;

    private final Map<String, String> environment;
    private final Path baseFolder;
    /** Values read from the environment or files, longest first, mapped to their source. */
    private final Map<String, String> outsideValues = new java.util.TreeMap<>(
            java.util.Comparator.comparingInt(String::length).reversed().thenComparing(java.util.Comparator.naturalOrder()));

    SecretResolver(Map<String, String> environment, Path baseFolder) {
        this.environment = environment;
        this.baseFolder = baseFolder;
    }

    /** A resolved value and where it came from ({@code env:NAME}, {@code file:/p} or {@code literal}). */
    record Resolved(String value, String source) {
        @Override
        public String toString() {
            return "Resolved[" + source + "]";
        }
    }

    /** The failure to resolve a value; the message is safe to show. */
    static final class Unresolvable extends Exception {
        Unresolvable(String message) {
            super(message, null, false, false);
        }
    }

    Resolved resolve(String raw) throws Unresolvable {
        Matcher variable = VARIABLE.matcher(raw);
        if (variable.matches()) {
            String name = variable.group(1);
            String value = environment.get(name);
            if (value == null) {
                if (variable.group(2) == null) {
                    throw new Unresolvable("environment variable '" + name + "' is not set"
                            + " (write ${" + name + ":-} to make it optional)");
                }
                value = variable.group(3);
            } else {
                remember(value, "env:" + name);
            }
            return new Resolved(value, "env:" + name);
        }
        if (raw.contains("${")) {
            throw new Unresolvable("malformed secret reference: write ${NAME} or ${NAME:-default} as the whole value");
        }
        Matcher file = FILE.matcher(raw);
        if (file.matches()) {
            Path path = baseFolder.resolve(file.group(1).trim());
            try {
                String content = withoutFinalNewline(Files.readString(path, StandardCharsets.UTF_8));
                remember(content, "file:" + path);
                return new Resolved(content, "file:" + path);
            } catch (IOException | RuntimeException e) {
                throw new Unresolvable("cannot read secret file '" + path + "' (" + e.getClass().getSimpleName() + ")");
            }
        }
        return new Resolved(raw, "literal");
    }

    private void remember(String value, String source) {
        if (value.length() >= REDACT_MIN_LENGTH) {
            outsideValues.putIfAbsent(value, source);
        }
    }

    /**
     * Replaces every value read from the environment or a file by its source in a message, so that a secret
     * written where a number, a URL or a mapping was expected is never echoed back.
     */
    String redact(String message) {
        String m = message;
        for (Map.Entry<String, String> e : outsideValues.entrySet()) {
            m = m.replace(e.getKey(), "<value of " + e.getValue() + ">");
        }
        return m;
    }

    private static String withoutFinalNewline(String s) {
        if (s.endsWith("\r\n")) {
            return s.substring(0, s.length() - 2);
        }
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }
}
