package fr.vigie.aggregator.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Tables, indexes and pragmas of the embedded store. */
final class SqliteSchema {
    static final String PRUNE_RESULTS = "DELETE FROM results WHERE id IN (SELECT id FROM results WHERE ts_ns < ? LIMIT ?)";
    static final String INSERT_RESULT = "INSERT INTO results (ts_ns, scheduled_ns, target, vantage, journey, run, step,"
            + " kind, outcome, status, signature, dns_ms, connect_ms, tls_ms, ttfb_ms, total_ms, bytes, maintenance,"
            + " queue_position, queue_wait_s, detail) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    static final String INSERT_VERDICT = "INSERT INTO verdicts (ts_ns, target, status, cause, causes, confidence,"
            + " evidence, incident) VALUES (?,?,?,?,?,?,?,?)";
    static final String INSERT_EVENT = "INSERT OR IGNORE INTO incident_events (seq, incident_id, ts_ns, type, status,"
            + " cause, targets, evidence, message, author) VALUES (?,?,?,?,?,?,?,?,?,?)";

    private SqliteSchema() {
    }

    static void create(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            // WAL: readers never block the writer and a kill -9 cannot corrupt committed pages;
            // synchronous=NORMAL syncs at checkpoints, which is enough with WAL.
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("PRAGMA synchronous=NORMAL");
            st.execute("PRAGMA busy_timeout=5000");
            st.execute("CREATE TABLE IF NOT EXISTS results (id INTEGER PRIMARY KEY AUTOINCREMENT, ts_ns INTEGER NOT NULL,"
                    + " scheduled_ns INTEGER, target TEXT NOT NULL, vantage TEXT, journey TEXT, run TEXT, step TEXT,"
                    + " kind TEXT, outcome TEXT NOT NULL, status INTEGER, signature TEXT, dns_ms REAL, connect_ms REAL,"
                    + " tls_ms REAL, ttfb_ms REAL, total_ms REAL, bytes INTEGER, maintenance INTEGER,"
                    + " queue_position INTEGER, queue_wait_s INTEGER, detail TEXT)");
            st.execute("CREATE INDEX IF NOT EXISTS results_target_ts ON results (target, ts_ns)");
            st.execute("CREATE TABLE IF NOT EXISTS verdicts (id INTEGER PRIMARY KEY AUTOINCREMENT, ts_ns INTEGER NOT NULL,"
                    + " target TEXT NOT NULL, status TEXT NOT NULL, cause TEXT NOT NULL, causes TEXT,"
                    + " confidence REAL, evidence TEXT, incident TEXT)");
            st.execute("CREATE INDEX IF NOT EXISTS verdicts_target_ts ON verdicts (target, ts_ns)");
            st.execute("CREATE TABLE IF NOT EXISTS incident_events (seq INTEGER PRIMARY KEY, incident_id TEXT NOT NULL,"
                    + " ts_ns INTEGER NOT NULL, type TEXT NOT NULL, status TEXT, cause TEXT, targets TEXT,"
                    + " evidence TEXT, message TEXT, author TEXT)");
        }
    }
}
