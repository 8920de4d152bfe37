package fr.vigie.app.cli;

import fr.vigie.config.ConfigError;
import fr.vigie.config.ConfigException;
import fr.vigie.config.ConfigLoader;
import fr.vigie.config.VigieConfig;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Loads a config for a command and prints its errors in one consistent shape. */
final class ConfigFiles {
    private ConfigFiles() {
    }

    /** Exit code when the configuration is invalid. */
    static final int INVALID = 2;

    /**
     * @return the config, or null after printing every error to {@code err}
     */
    static VigieConfig loadOrReport(Path file, Map<String, String> env, PrintWriter err) {
        if (!Files.isRegularFile(file)) {
            err.println("vigie: configuration file not found: " + file);
            err.flush();
            return null;
        }
        try {
            return new ConfigLoader(env).load(file);
        } catch (ConfigException e) {
            err.println(file + ": " + e.errors().size() + " error(s); Vigie will not start:");
            for (ConfigError error : e.errors()) {
                err.println("  " + error);
            }
            err.flush();
            return null;
        }
    }
}
