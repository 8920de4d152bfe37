package fr.vigie.alerts.outbox;

import fr.vigie.alerts.content.Alert;
import fr.vigie.alerts.content.AlertJson;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Notifications kept in a SQLite file in WAL mode. A single connection guarded by this object's lock:
 * SQLite has one writer anyway, and the volume is a few notifications per incident. Calls block; never
 * call from an event loop.
 */
public final class Outbox implements AutoCloseable {
    private final Connection db;
    private volatile AttemptListener attempts = (receiver, result) -> { };

    /** Told of every delivery attempt, after the outbox recorded it (metrics). */
    @FunctionalInterface
    public interface AttemptListener {
        /** @param result {@code delivered}, {@code failed} or {@code dropped} */
        void onAttempt(String receiver, String result);
    }

    private Outbox(Connection db) {
        this.db = db;
    }

    /** Opens (creating if needed) the outbox file. */
    public static Outbox open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                java.nio.file.Files.createDirectories(parent);
            }
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                // NORMAL in WAL mode survives a process crash; only a power loss may lose the last commits.
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA busy_timeout=5000");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS notification (
                          position INTEGER PRIMARY KEY AUTOINCREMENT,
                          id TEXT NOT NULL UNIQUE,
                          receiver TEXT NOT NULL,
                          incident TEXT,
                          alert TEXT NOT NULL,
                          created_at INTEGER NOT NULL,
                          attempts INTEGER NOT NULL DEFAULT 0,
                          state TEXT NOT NULL DEFAULT 'PENDING',
                          finished_at INTEGER,
                          last_error TEXT)""");
                s.execute("CREATE INDEX IF NOT EXISTS notification_pending ON notification(receiver, state, position)");
                s.execute("CREATE INDEX IF NOT EXISTS notification_incident ON notification(incident, position)");
            }
            return new Outbox(c);
        } catch (SQLException | java.io.IOException e) {
            throw new OutboxException("cannot open outbox " + file, e);
        }
    }

    /** Writes a notification unless one with the same id exists; returns true when it was new. */
    public synchronized boolean enqueue(String id, String receiver, Alert alert, Instant at) {
        try (PreparedStatement p = db.prepareStatement(
                "INSERT OR IGNORE INTO notification(id, receiver, incident, alert, created_at) VALUES (?,?,?,?,?)")) {
            p.setString(1, id);
            p.setString(2, receiver);
            p.setString(3, alert.incident());
            p.setString(4, AlertJson.write(alert));
            p.setLong(5, at.toEpochMilli());
            return p.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new OutboxException("cannot write notification " + id, e);
        }
    }

    /** The oldest pending notification of a receiver. */
    public synchronized Optional<OutboxEntry> nextPending(String receiver) {
        List<OutboxEntry> l = query("SELECT * FROM notification WHERE receiver=? AND state='PENDING' "
                + "ORDER BY position LIMIT 1", receiver);
        return l.stream().findFirst();
    }

    /** The latest alert written about an incident (any receiver), so a restarted dispatcher knows what was said. */
    public synchronized Optional<Alert> lastAlertOf(String incidentId) {
        return query("SELECT * FROM notification WHERE incident=? ORDER BY position DESC LIMIT 1", incidentId)
                .stream().findFirst().map(OutboxEntry::alert);
    }

    /** Up to {@code limit} pending notifications of a receiver, oldest first. */
    public synchronized List<OutboxEntry> nextPending(String receiver, int limit) {
        return query("SELECT * FROM notification WHERE receiver=? AND state='PENDING' ORDER BY position LIMIT ?",
                receiver, limit);
    }

    /** Every pending notification, oldest first. */
    public synchronized List<OutboxEntry> pending() {
        return query("SELECT * FROM notification WHERE state='PENDING' ORDER BY position");
    }

    /** Every notification, oldest first (diagnostics and tests). */
    public synchronized List<OutboxEntry> all() {
        return query("SELECT * FROM notification ORDER BY position");
    }

    /** Receivers that have something pending. */
    public synchronized List<String> receiversWithPending() {
        List<String> out = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement(
                "SELECT DISTINCT receiver FROM notification WHERE state='PENDING'"); ResultSet rs = p.executeQuery()) {
            while (rs.next()) out.add(rs.getString(1));
        } catch (SQLException e) {
            throw new OutboxException("cannot read outbox", e);
        }
        return out;
    }

    public synchronized void markDelivered(String id, Instant at) {
        update("UPDATE notification SET state='DELIVERED', attempts=attempts+1, finished_at=? WHERE id=?",
                at.toEpochMilli(), id);
        tell(id, "delivered");
    }

    /** Counts a failed attempt; {@code error} must already be free of secrets. */
    public synchronized void recordFailure(String id, String error) {
        update("UPDATE notification SET attempts=attempts+1, last_error=? WHERE id=?", error, id);
        tell(id, "failed");
    }

    public void onAttempt(AttemptListener listener) {
        this.attempts = listener;
    }

    /** Notifications still to send to one receiver (a count on the index: cheap enough for every event). */
    public synchronized long pendingCount(String receiver) {
        try (PreparedStatement p = db.prepareStatement(
                "SELECT COUNT(*) FROM notification WHERE receiver=? AND state='PENDING'")) {
            p.setString(1, receiver);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new OutboxException("cannot read outbox", e);
        }
    }

    /** Notifications still to send, over every receiver (metrics). */
    public synchronized long pendingCount() {
        try (PreparedStatement p = db.prepareStatement("SELECT COUNT(*) FROM notification WHERE state='PENDING'");
             ResultSet rs = p.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new OutboxException("cannot read outbox", e);
        }
    }

    private void tell(String id, String result) {
        try (PreparedStatement p = db.prepareStatement("SELECT receiver FROM notification WHERE id=?")) {
            p.setString(1, id);
            try (ResultSet rs = p.executeQuery()) {
                if (rs.next()) {
                    attempts.onAttempt(rs.getString(1), result);
                }
            }
        } catch (SQLException | RuntimeException e) {
            // metrics only: never fail a delivery for them
        }
    }

    /** Gives up every pending notification of a receiver (disabled endpoint). */
    public synchronized int dropPending(String receiver, String reason, Instant at) {
        return update("UPDATE notification SET state='DROPPED', finished_at=?, last_error=? "
                + "WHERE receiver=? AND state='PENDING'", at.toEpochMilli(), reason, receiver);
    }

    /** Gives up one notification the receiver rejected for good. */
    public synchronized void drop(String id, String reason, Instant at) {
        update("UPDATE notification SET state='DROPPED', attempts=attempts+1, finished_at=?, last_error=? WHERE id=?",
                at.toEpochMilli(), reason, id);
        tell(id, "dropped");
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new OutboxException("cannot close outbox", e);
        }
    }

    private int update(String sql, Object... args) {
        try (PreparedStatement p = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) p.setObject(i + 1, args[i]);
            return p.executeUpdate();
        } catch (SQLException e) {
            throw new OutboxException("cannot update outbox", e);
        }
    }

    private List<OutboxEntry> query(String sql, Object... args) {
        List<OutboxEntry> out = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) p.setObject(i + 1, args[i]);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    long finished = rs.getLong("finished_at");
                    Instant finishedAt = rs.wasNull() ? null : Instant.ofEpochMilli(finished);
                    out.add(new OutboxEntry(rs.getLong("position"), rs.getString("id"), rs.getString("receiver"),
                            AlertJson.readAlert(rs.getString("alert")), Instant.ofEpochMilli(rs.getLong("created_at")),
                            rs.getInt("attempts"), OutboxEntry.State.valueOf(rs.getString("state")), finishedAt));
                }
            }
        } catch (SQLException e) {
            throw new OutboxException("cannot read outbox", e);
        }
        return out;
    }

    /** An outbox file problem (disk, corruption); never carries a secret. */
    public static final class OutboxException extends RuntimeException {
        OutboxException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
