package fr.vigie.config;

/**
 * One problem in a configuration file.
 *
 * @param path    YAML path ({@code targets[3].journey})
 * @param line    1-based line in the file, or 0 when unknown
 * @param message what is wrong; never contains a secret value
 */
public record ConfigError(String path, int line, String message) {
    @Override
    public String toString() {
        // a problem of the whole file (empty, not YAML) has no path to show
        return (path.isEmpty() ? "" : path + ": ") + message + (line > 0 ? " (line " + line + ")" : "");
    }
}
