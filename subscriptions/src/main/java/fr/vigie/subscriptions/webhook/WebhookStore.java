package fr.vigie.subscriptions.webhook;

import fr.vigie.config.Secret;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Webhook subscriptions in a SQLite file ({@code <data>/webhooks.db}, owner read/write only: it holds the signing
 * secrets). One connection behind this object's lock; calls block, never from an event loop.
 */
public final class WebhookStore implements AutoCloseable {
    /** ended subscriptions keep their reason this long, so that their owner can read why */
    public static final java.time.Duration KEEP_ENDED = java.time.Duration.ofDays(30);
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Connection db;

    private WebhookStore(Connection db) {
        this.db = db;
    }

    public static WebhookStore open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (!Files.exists(file)) {
                Files.createFile(file);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // not a POSIX file system: its own access rules apply
                }
            }
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA busy_timeout=5000");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS webhook (
                          id TEXT PRIMARY KEY,
                          callback TEXT NOT NULL,
                          topics TEXT NOT NULL,
                          secret TEXT,
                          state TEXT NOT NULL,
                          created_at INTEGER NOT NULL,
                          verify_by INTEGER,
                          verified_at INTEGER,
                          failing_since INTEGER,
                          ended_at INTEGER,
                          reason TEXT)""");
            }
            return new WebhookStore(c);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot open the webhooks file " + file, e);
        }
    }

    /** Records a new pending subscription with its signing secret. */
    public synchronized Webhook register(String callback, List<String> topics, Secret secret, Instant at,
                                         Instant verifyBy) {
        String id = newId();
        update("INSERT INTO webhook(id, callback, topics, secret, state, created_at, verify_by) VALUES (?,?,?,?,?,?,?)",
                id, callback, String.join("\n", topics), secret.reveal(), Webhook.State.PENDING.name(),
                at.toEpochMilli(), verifyBy.toEpochMilli());
        return byId(id).orElseThrow();
    }

    public synchronized Optional<Webhook> byId(String id) {
        return query("SELECT * FROM webhook WHERE id=?", id).stream().findFirst();
    }

    public synchronized List<Webhook> inState(Webhook.State state) {
        return query("SELECT * FROM webhook WHERE state=? ORDER BY created_at", state.name());
    }

    public synchronized int count() {
        try (PreparedStatement p = db.prepareStatement("SELECT COUNT(*) FROM webhook"); ResultSet rs = p.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read webhooks", e);
        }
    }

    /** Pending to verified; false when it was not pending any more. */
    public synchronized boolean markVerified(String id, Instant at) {
        return update("UPDATE webhook SET state=?, verified_at=?, verify_by=NULL WHERE id=? AND state=?",
                Webhook.State.VERIFIED.name(), at.toEpochMilli(), id, Webhook.State.PENDING.name()) == 1;
    }

    /** Ends a subscription (refused, expired, disabled), keeping why and wiping its secret. */
    public synchronized void end(String id, Webhook.State state, String reason, Instant at) {
        update("UPDATE webhook SET state=?, reason=?, ended_at=?, secret=NULL WHERE id=?", state.name(), reason,
                at.toEpochMilli(), id);
    }

    /** Starts a run of failures unless one is running; returns its start. */
    public synchronized Instant markFailing(String id, Instant at) {
        update("UPDATE webhook SET failing_since=? WHERE id=? AND failing_since IS NULL", at.toEpochMilli(), id);
        return byId(id).map(Webhook::failingSince).orElse(at);
    }

    public synchronized void clearFailing(String id) {
        update("UPDATE webhook SET failing_since=NULL WHERE id=? AND failing_since IS NOT NULL", id);
    }

    public synchronized boolean delete(String id) {
        return update("DELETE FROM webhook WHERE id=?", id) == 1;
    }

    /** Deletes ended subscriptions (their reason kept until then) ended before {@code before}. */
    public synchronized int purgeEnded(Instant before) {
        return update("DELETE FROM webhook WHERE ended_at IS NOT NULL AND ended_at < ?", before.toEpochMilli());
    }

    static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "wh_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private List<Webhook> query(String sql, Object... args) {
        try (PreparedStatement p = db.prepareStatement(sql)) {
            bind(p, args);
            List<Webhook> out = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    String secret = rs.getString("secret");
                    out.add(new Webhook(rs.getString("id"), rs.getString("callback"),
                            Arrays.asList(rs.getString("topics").split("\n")),
                            secret == null ? null : Secret.of("webhook " + rs.getString("id"), secret),
                            Webhook.State.valueOf(rs.getString("state")), instant(rs, "created_at"),
                            instant(rs, "verify_by"), instant(rs, "verified_at"), instant(rs, "failing_since"),
                            rs.getString("reason")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read webhooks", e);
        }
    }

    private int update(String sql, Object... args) {
        try (PreparedStatement p = db.prepareStatement(sql)) {
            bind(p, args);
            return p.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write webhooks", e);
        }
    }

    private static void bind(PreparedStatement p, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            p.setObject(i + 1, args[i]);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            // closing: nothing left to do
        }
    }
}
