package fr.vigie.subscriptions.store;

import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Subscribers in a SQLite file (WAL): the address, its choices and two dates, nothing else; and which subscriber
 * already received which notification, so a restart in the middle of a fan-out sends nobody a message twice.
 * Deleting a subscriber deletes both. One connection behind this object's lock; calls block (never from an
 * event loop). Exceptions never carry an address.
 */
public final class SubscriptionStore implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Connection db;

    private SubscriptionStore(Connection db) {
        this.db = db;
    }

    public static SubscriptionStore open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("PRAGMA busy_timeout=5000");
                s.execute("PRAGMA foreign_keys=ON");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS subscription (
                          id TEXT PRIMARY KEY,
                          email TEXT NOT NULL UNIQUE,
                          topics TEXT NOT NULL,
                          created_at INTEGER NOT NULL,
                          confirmed_at INTEGER)""");
                s.execute("""
                        CREATE TABLE IF NOT EXISTS sent (
                          notification TEXT NOT NULL,
                          subscription TEXT NOT NULL REFERENCES subscription(id) ON DELETE CASCADE,
                          PRIMARY KEY (notification, subscription))""");
                // which incidents each subscriber heard of: a service joining one is told only to the newly concerned
                s.execute("""
                        CREATE TABLE IF NOT EXISTS told (
                          incident TEXT NOT NULL,
                          subscription TEXT NOT NULL REFERENCES subscription(id) ON DELETE CASCADE,
                          PRIMARY KEY (incident, subscription))""");
            }
            return new SubscriptionStore(c);
        } catch (SQLException | java.io.IOException e) {
            throw new StoreException("cannot open the subscriptions file " + file, e);
        }
    }

    /** A new opaque id: 128 random bits, URL-safe. */
    static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Records a request. A new address becomes a pending subscription; a pending one takes the new choices (it is
     * still unconfirmed); a confirmed one is left as it is, so nobody can change another person's choices from
     * the public form.
     */
    public synchronized Subscription request(String email, List<String> topics, Instant at) {
        Optional<Subscription> existing = byEmail(email);
        if (existing.isPresent() && existing.get().confirmed()) {
            return existing.get();
        }
        if (existing.isPresent()) {
            update("UPDATE subscription SET topics=?, created_at=? WHERE id=?", String.join("\n", topics),
                    at.toEpochMilli(), existing.get().id());
            return byId(existing.get().id()).orElseThrow();
        }
        String id = newId();
        update("INSERT INTO subscription(id, email, topics, created_at) VALUES (?,?,?,?)", id, email,
                String.join("\n", topics), at.toEpochMilli());
        return byId(id).orElseThrow();
    }

    /** Confirms a pending subscription; true when it exists (already confirmed counts). */
    public synchronized boolean confirm(String id, Instant at) {
        update("UPDATE subscription SET confirmed_at=? WHERE id=? AND confirmed_at IS NULL", at.toEpochMilli(), id);
        return byId(id).isPresent();
    }

    public synchronized boolean changeTopics(String id, List<String> topics) {
        return update("UPDATE subscription SET topics=? WHERE id=?", String.join("\n", topics), id) == 1;
    }

    /** Deletes the subscriber: address, choices and delivery marks. */
    public synchronized boolean delete(String id) {
        return update("DELETE FROM subscription WHERE id=?", id) == 1;
    }

    /** Unconfirmed requests older than {@code before} are deleted: an address nobody confirmed is not kept. */
    public synchronized int purgePending(Instant before) {
        return update("DELETE FROM subscription WHERE confirmed_at IS NULL AND created_at < ?", before.toEpochMilli());
    }

    public synchronized Optional<Subscription> byId(String id) {
        return query("SELECT * FROM subscription WHERE id=?", id).stream().findFirst();
    }

    private Optional<Subscription> byEmail(String email) {
        return query("SELECT * FROM subscription WHERE email=?", email).stream().findFirst();
    }

    /** Every confirmed subscriber, oldest first. */
    public synchronized List<Subscription> confirmed() {
        return query("SELECT * FROM subscription WHERE confirmed_at IS NOT NULL ORDER BY created_at, id");
    }

    public synchronized int count() {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM subscription")) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException e) {
            throw new StoreException("cannot read subscriptions", e);
        }
    }

    /** Subscribers that already received {@code notification}. */
    public synchronized Set<String> sentTo(String notification) {
        Set<String> out = new HashSet<>();
        try (PreparedStatement p = db.prepareStatement("SELECT subscription FROM sent WHERE notification=?")) {
            p.setString(1, notification);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read deliveries", e);
        }
        return out;
    }

    /** Subscribers already told of {@code incident} (by any of its notifications). */
    public synchronized Set<String> toldOf(String incident) {
        Set<String> out = new HashSet<>();
        try (PreparedStatement p = db.prepareStatement("SELECT subscription FROM told WHERE incident=?")) {
            p.setString(1, incident);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read deliveries", e);
        }
        return out;
    }

    /** Marks a batch of an incident's notification as sent, in one transaction. */
    public synchronized void markSent(String notification, String incident, Collection<String> subscriptions) {
        markSent(notification, subscriptions, incident);
    }

    /** Marks a batch as sent, in one transaction. */
    public synchronized void markSent(String notification, Collection<String> subscriptions) {
        markSent(notification, subscriptions, null);
    }

    private void markSent(String notification, Collection<String> subscriptions, String incident) {
        try {
            db.setAutoCommit(false);
            if (incident != null) {
                try (PreparedStatement p = db.prepareStatement(
                        "INSERT OR IGNORE INTO told(incident, subscription) SELECT ?, id FROM subscription WHERE id=?")) {
                    for (String id : subscriptions) {
                        p.setString(1, incident);
                        p.setString(2, id);
                        p.addBatch();
                    }
                    p.executeBatch();
                }
            }
            try (PreparedStatement p = db.prepareStatement(
                    "INSERT OR IGNORE INTO sent(notification, subscription) SELECT ?, id FROM subscription WHERE id=?")) {
                for (String id : subscriptions) {
                    p.setString(1, notification);
                    p.setString(2, id);
                    p.addBatch();
                }
                p.executeBatch();
            }
            db.commit();
        } catch (SQLException e) {
            rollback();
            throw new StoreException("cannot record deliveries", e);
        } finally {
            autoCommit();
        }
    }

    /** Adds many confirmed subscribers in one transaction (benchmarks and tests). */
    public synchronized void insertConfirmed(List<String> emails, List<String> topics, Instant at) {
        try {
            db.setAutoCommit(false);
            try (PreparedStatement p = db.prepareStatement("INSERT OR IGNORE INTO subscription(id, email, topics, "
                    + "created_at, confirmed_at) VALUES (?,?,?,?,?)")) {
                for (String email : emails) {
                    p.setString(1, newId());
                    p.setString(2, email);
                    p.setString(3, String.join("\n", topics));
                    p.setLong(4, at.toEpochMilli());
                    p.setLong(5, at.toEpochMilli());
                    p.addBatch();
                }
                p.executeBatch();
            }
            db.commit();
        } catch (SQLException e) {
            rollback();
            throw new StoreException("cannot add subscribers", e);
        } finally {
            autoCommit();
        }
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the subscriptions file", e);
        }
    }

    private void rollback() {
        try {
            db.rollback();
        } catch (SQLException ignored) {
            // the original failure is the one reported
        }
    }

    private void autoCommit() {
        try {
            db.setAutoCommit(true);
        } catch (SQLException ignored) {
            // the connection is broken; the next call reports it
        }
    }

    private int update(String sql, Object... args) {
        try (PreparedStatement p = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) p.setObject(i + 1, args[i]);
            return p.executeUpdate();
        } catch (SQLException e) {
            // the SQL text and error code only: the values (an address) never reach a message
            throw new StoreException("cannot update subscriptions (" + e.getErrorCode() + ")", null);
        }
    }

    private List<Subscription> query(String sql, Object... args) {
        List<Subscription> out = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) p.setObject(i + 1, args[i]);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    long confirmed = rs.getLong("confirmed_at");
                    Instant confirmedAt = rs.wasNull() ? null : Instant.ofEpochMilli(confirmed);
                    String topics = rs.getString("topics");
                    out.add(new Subscription(rs.getString("id"), rs.getString("email"),
                            topics.isEmpty() ? List.of() : Arrays.asList(topics.split("\n")),
                            Instant.ofEpochMilli(rs.getLong("created_at")), confirmedAt));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read subscriptions (" + e.getErrorCode() + ")", null);
        }
        return out;
    }

    /** A subscriptions file problem; never carries an address. */
    public static final class StoreException extends RuntimeException {
        StoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
