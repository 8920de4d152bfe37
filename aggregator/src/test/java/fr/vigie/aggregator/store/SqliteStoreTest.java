package fr.vigie.aggregator.store;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The store contract against the embedded SQLite store. */
class SqliteStoreTest extends StoreContractTest {
    @TempDir
    Path dir;
    private final Map<Store, Path> files = new HashMap<>();
    private int n;

    @Override
    protected Store newStore() {
        Path file = dir.resolve("vigie-" + (n++) + ".db");
        Store s = new SqliteStore(file);
        files.put(s, file);
        return s;
    }

    @Override
    protected Store reopen(Store previous) {
        return new SqliteStore(files.get(previous));
    }
}
