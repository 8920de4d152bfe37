package fr.vigie.config;

import fr.vigie.config.load.BuiltinJourneys;
import fr.vigie.config.load.ConfigReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads a YAML file into a {@link VigieConfig}, resolving secrets and validating the whole tree.
 * Every problem is collected and reported at once with its YAML path and line.
 */
public final class ConfigLoader {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigLoader.class);

    private final Map<String, String> environment;

    /** @param environment where {@code ${NAME}} secrets are looked up (System.getenv() in production) */
    public ConfigLoader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public static ConfigLoader fromSystemEnvironment() {
        return new ConfigLoader(System.getenv());
    }

    /** Loads and validates a file; relative {@code file:} secrets resolve against the file's folder. */
    public VigieConfig load(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new ConfigException(List.of(new ConfigError("", 0, "cannot read " + file + ": not UTF-8 text")));
        } catch (IOException e) {
            throw new ConfigException(List.of(new ConfigError("", 0, "cannot read " + file + " ("
                    + e.getClass().getSimpleName() + ")")));
        }
        Path folder = file.toAbsolutePath().getParent();
        VigieConfig config = loadText(text, folder == null ? Path.of(".") : folder);
        LOG.info("config loaded from {}: {} targets, {} journeys, {} schedules, {} alert receivers", file,
                config.targets().size(), config.journeys().size(), config.schedules().size(),
                config.alerts().receivers().size());
        return config;
    }

    /** Loads and validates YAML text; relative {@code file:} secrets resolve against {@code baseFolder}. */
    public VigieConfig loadText(String yaml, Path baseFolder) throws ConfigException {
        return new ConfigReader(environment).read(yaml, baseFolder);
    }

    /** The shipped journey templates (open-ent-ng, cas, kosmos, educonnect, cned, control, public-page...). */
    public static Map<String, Journey> builtinJourneys() {
        return BuiltinJourneys.all();
    }
}
