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

    private final Map<String, String> environment;
    private final Path baseFolder;

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
                String content = Files.readString(path, StandardCharsets.UTF_8);
                return new Resolved(withoutFinalNewline(content), "file:" + path);
            } catch (IOException | RuntimeException e) {
                throw new Unresolvable("cannot read secret file '" + path + "' (" + e.getClass().getSimpleName() + ")");
            }
        }
        return new Resolved(raw, "literal");
    }

    private static String withoutFinalNewline(String s) {
        if (s.endsWith("\r\n")) {
            return s.substring(0, s.length() - 2);
        }
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }
}
