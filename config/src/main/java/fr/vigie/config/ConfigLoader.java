package fr.vigie.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads a YAML file into a {@link VigieConfig}, resolving secrets and validating the whole tree.
 * Every problem is collected and reported at once with its YAML path and line.
 */
public final class ConfigLoader {
    private final Map<String, String> environment;

    /** @param environment where {@code ${NAME}} secrets are looked up (System.getenv() in production) */
    public ConfigLoader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public static ConfigLoader fromSystemEnvironment() {
        return new ConfigLoader(System.getenv());
    }

    public VigieConfig load(Path file) throws ConfigException {
        // Implemented by the config issue (#2).
        throw new ConfigException(List.of(new ConfigError("", 0, "config loader not implemented yet: " + file)));
    }
}
