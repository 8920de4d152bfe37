package fr.vigie.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where results, verdicts and incidents are kept.
 *
 * @param type      {@code embedded} (SQLite file, default) or {@code influxdb}
 * @param path      SQLite file for embedded; spool folder for influxdb
 * @param url       InfluxDB 1.x URL (influxdb only)
 * @param database  InfluxDB database name
 * @param retention how long raw results are kept (InfluxDB retention policy; rollups keep 90 days)
 * @param username  InfluxDB user, may be null
 * @param password  InfluxDB password, may be null
 */
public record StorageConfig(Type type, Path path, String url, String database, Duration retention,
                            Secret username, Secret password) {
    public enum Type { EMBEDDED, INFLUXDB }

    /**
     * The folder for Vigie's other local state (alert outbox, login pauses), kept beside the store so that it
     * lives and dies with it: the SQLite file's folder, or the InfluxDB spool folder.
     */
    public Path dataFolder() {
        Path p = path.toAbsolutePath();
        return type == Type.EMBEDDED ? p.getParent() : p;
    }
}
