package fr.vigie.alerts.silence;

import fr.vigie.alerts.content.AlertJson;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Silences kept in a SQLite file (the outbox's, on its own connection) so that a restart does not lift a
 * silence the crisis cell set for a two-day migration. Calls block; never call from an event loop.
 */
public final class SilenceStore implements AutoCloseable {
    private final Connection db;

    private SilenceStore(Connection db) {
        this.db = db;
    }

    public static SilenceStore open(Path file) {
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout=5000");
                s.execute("CREATE TABLE IF NOT EXISTS silence (id TEXT PRIMARY KEY, json TEXT NOT NULL)");
            }
            return new SilenceStore(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open silences in " + file, e);
        }
    }

    public synchronized void save(Silence s) {
        try (PreparedStatement p = db.prepareStatement("INSERT OR REPLACE INTO silence(id, json) VALUES (?,?)")) {
            p.setString(1, s.id());
            p.setString(2, AlertJson.write(s));
            p.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot save silence " + s.id(), e);
        }
    }

    public synchronized List<Silence> load() {
        List<Silence> out = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement("SELECT json FROM silence"); ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                out.add(AlertJson.mapper().readValue(rs.getString(1), Silence.class));
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot read silences", e);
        }
        return out;
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close silences", e);
        }
    }
}
