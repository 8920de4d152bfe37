package fr.vigie.aggregator.store;

import fr.vigie.config.StorageConfig;

import java.nio.file.Path;

/** Opens the store the configuration asks for. */
public final class Stores {
    private Stores() {
    }

    /** Embedded SQLite at {@code storage.path} (default {@code vigie.db}), or InfluxDB spooling under that path. */
    public static Store open(StorageConfig storage) {
        if (storage == null || storage.type() == null || storage.type() == StorageConfig.Type.EMBEDDED) {
            Path file = storage == null || storage.path() == null ? Path.of("vigie.db") : storage.path();
            return new SqliteStore(file, storage == null ? null : storage.retention());
        }
        Path spool = storage.path() == null ? Path.of("vigie-spool") : storage.path();
        return new InfluxStore(storage.url(), storage.database() == null ? "vigie" : storage.database(),
                storage.retention(), spool, storage.username(), storage.password());
    }
}
