package fr.vigie.config.load;

import fr.vigie.config.ConfigError;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;

/** Collects every {@link ConfigError} of one load, each located by YAML path and line. */
final class Problems {
    private final List<ConfigError> errors = new ArrayList<>();
    private final String prefix;
    private ToIntFunction<String> lines = path -> 0;
    private UnaryOperator<String> redactor = UnaryOperator.identity();

    /** @param prefix prepended to every path (e.g. "builtin:open-ent-ng "), empty for a config file */
    public Problems(String prefix) {
        this.prefix = prefix;
    }

    void locateWith(ToIntFunction<String> lineOfPath) {
        this.lines = lineOfPath;
    }

    /** Messages pass through {@code redactor} (see {@link SecretResolver#redact}) before being kept. */
    void redactWith(UnaryOperator<String> redactor) {
        this.redactor = redactor;
    }

    /** Records a problem at {@code path}; its line is the path's, or its closest ancestor's. */
    public void add(String path, String message) {
        addAtLine(path, lines.applyAsInt(path), message);
    }

    void addAtLine(String path, int line, String message) {
        String where = path.isEmpty() ? "(top level)" : path;
        errors.add(new ConfigError(prefix + where, line, redactor.apply(message)));
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public int size() {
        return errors.size();
    }

    /** Errors in file order (by line, then by discovery). */
    public List<ConfigError> errors() {
        List<ConfigError> sorted = new ArrayList<>(errors);
        sorted.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return List.copyOf(sorted);
    }
}
