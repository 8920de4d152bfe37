package fr.vigie.aggregator.store;

import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.IncidentEvent;
import fr.vigie.aggregator.Status;
import fr.vigie.aggregator.Verdict;
import fr.vigie.config.StepKind;
import fr.vigie.probes.Outcome;
import fr.vigie.probes.StepResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The embedded store: one SQLite file in WAL mode. Appends are queued and written by a writer thread in one
 * transaction every {@link #FLUSH_PERIOD_MS} ms, so a kill -9 loses at most that much and WAL keeps the file
 * consistent. Reads see everything appended before them (they drain the queue first).
 */
public final class SqliteStore implements Store {
    /** Well under the one second a crash may lose. */
    static final long FLUSH_PERIOD_MS = 250;
    private static final long PRUNE_PERIOD_MINUTES = 60;
    private static final int PRUNE_CHUNK = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(SqliteStore.class);

    private final Path file;
    private final Connection connection;
    private final ConcurrentLinkedQueue<Object> pending = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService writer;
    private final Object lock = new Object();
    private boolean closed;
    private volatile boolean lastWriteFailed;

    public SqliteStore(Path file) {
        this(file, null);
    }

    /**
     * @param retention raw step results older than this are deleted every hour (verdicts and incident events,
     *                  which make the history, are kept); null keeps everything
     */
    public SqliteStore(Path file, Duration retention) {
        this.file = file;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            SqliteSchema.create(connection);
        } catch (Exception e) {
            throw new StoreException("cannot open SQLite store " + file, e);
        }
        writer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vigie-sqlite-writer");
            t.setDaemon(true);
            return t;
        });
        writer.scheduleWithFixedDelay(this::flushQuietly, FLUSH_PERIOD_MS, FLUSH_PERIOD_MS, TimeUnit.MILLISECONDS);
        if (retention != null) {
            writer.scheduleWithFixedDelay(() -> pruneQuietly(retention), 1, PRUNE_PERIOD_MINUTES, TimeUnit.MINUTES);
        }
        LOG.info("SQLite store opened at {}", file);
    }

    /**
     * Deletes the step results older than {@code cutoff}, in chunks so that writers never wait long.
     *
     * @return how many were deleted
     */
    public long pruneResultsBefore(Instant cutoff) {
        long deleted = 0;
        int chunk;
        do {
            synchronized (lock) {
                if (closed) {
                    return deleted;
                }
                try (PreparedStatement ps = connection.prepareStatement(SqliteSchema.PRUNE_RESULTS)) {
                    ps.setLong(1, EpochNanos.of(cutoff));
                    ps.setInt(2, PRUNE_CHUNK);
                    chunk = ps.executeUpdate();
                } catch (SQLException e) {
                    throw new StoreException("cannot prune results of " + file, e);
                }
            }
            deleted += chunk;
        } while (chunk == PRUNE_CHUNK);
        return deleted;
    }

    private void pruneQuietly(Duration retention) {
        try {
            long deleted = pruneResultsBefore(Instant.now().minus(retention));
            if (deleted > 0) {
                LOG.info("SQLite store {}: {} step results older than {} deleted", file, deleted, retention);
            }
        } catch (RuntimeException e) {
            LOG.error("SQLite pruning failed, will retry: {}", e.getMessage());
        }
    }

    @Override
    public void appendResults(List<StepResult> results) {
        pending.addAll(results);
    }

    @Override
    public void appendVerdict(Verdict verdict) {
        pending.add(verdict);
    }

    @Override
    public void appendIncidentEvent(IncidentEvent event) {
        pending.add(event);
    }

    @Override
    public List<StepResult> results(String target, Instant from, Instant to) {
        return query("SELECT * FROM results WHERE target = ? AND ts_ns >= ? AND ts_ns < ? ORDER BY ts_ns, id",
                target, from, to, SqliteStore::readResult);
    }

    @Override
    public List<Verdict> verdicts(String target, Instant from, Instant to) {
        return query("SELECT * FROM verdicts WHERE target = ? AND ts_ns >= ? AND ts_ns < ? ORDER BY ts_ns, id",
                target, from, to, SqliteStore::readVerdict);
    }

    @Override
    public List<IncidentEvent> incidentEvents() {
        synchronized (lock) {
            drain();
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT * FROM incident_events ORDER BY seq")) {
                List<IncidentEvent> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(readEvent(rs));
                }
                return out;
            } catch (SQLException e) {
                throw new StoreException("cannot read the incident log", e);
            }
        }
    }

    @Override
    public void flush() {
        synchronized (lock) {
            drain();
        }
    }

    @Override
    public void close() {
        writer.shutdown();
        synchronized (lock) {
            if (closed) {
                return;
            }
            drain();
            closed = true;
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.warn("closing SQLite store {} failed: {}", file, e.getMessage());
            }
        }
        LOG.info("SQLite store closed at {}", file);
    }

    private void flushQuietly() {
        try {
            flush();
            lastWriteFailed = false;
        } catch (RuntimeException e) {
            lastWriteFailed = true;
            LOG.error("SQLite writer failed, will retry: {}", e.getMessage());
        }
    }

    @Override
    public long backlog() {
        return pending.size();
    }

    @Override
    public boolean writable() {
        return !lastWriteFailed && !writer.isShutdown();
    }

    /** Writes every queued item in one transaction; on failure the items stay queued, in order. */
    private void drain() {
        if (closed || pending.isEmpty()) {
            return;
        }
        List<Object> batch = new ArrayList<>();
        for (Object o : pending) {
            batch.add(o);
        }
        try {
            connection.setAutoCommit(false);
            try (PreparedStatement r = connection.prepareStatement(SqliteSchema.INSERT_RESULT);
                 PreparedStatement v = connection.prepareStatement(SqliteSchema.INSERT_VERDICT);
                 PreparedStatement e = connection.prepareStatement(SqliteSchema.INSERT_EVENT)) {
                for (Object o : batch) {
                    if (o instanceof StepResult sr) {
                        bindResult(r, sr);
                        r.addBatch();
                    } else if (o instanceof Verdict vd) {
                        bindVerdict(v, vd);
                        v.addBatch();
                    } else if (o instanceof IncidentEvent ev) {
                        bindEvent(e, ev);
                        e.addBatch();
                    }
                }
                r.executeBatch();
                v.executeBatch();
                e.executeBatch();
            }
            connection.commit();
            for (int i = 0; i < batch.size(); i++) {
                pending.poll();
            }
        } catch (SQLException ex) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the original failure is the one worth reporting
            }
            throw new StoreException("cannot write " + batch.size() + " items to " + file, ex);
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException ignored) {
                // next drain sets it again
            }
        }
    }

    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, String target, Instant from, Instant to, RowReader<T> reader) {
        synchronized (lock) {
            drain();
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setString(1, target);
                ps.setLong(2, EpochNanos.of(from));
                ps.setLong(3, EpochNanos.of(to));
                try (ResultSet rs = ps.executeQuery()) {
                    List<T> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(reader.read(rs));
                    }
                    return out;
                }
            } catch (SQLException e) {
                throw new StoreException("cannot query " + file + " for target " + target, e);
            }
        }
    }

    private static void bindResult(PreparedStatement ps, StepResult r) throws SQLException {
        int i = 1;
        ps.setLong(i++, EpochNanos.of(r.ts()));
        setNanos(ps, i++, r.scheduled());
        ps.setString(i++, r.target());
        ps.setString(i++, r.vantage());
        ps.setString(i++, r.journey());
        ps.setString(i++, r.run());
        ps.setString(i++, r.step());
        ps.setString(i++, r.kind() == null ? null : r.kind().name());
        ps.setString(i++, r.outcome().wire());
        setInt(ps, i++, r.status());
        ps.setString(i++, r.signature());
        setDouble(ps, i++, r.dnsMs());
        setDouble(ps, i++, r.connectMs());
        setDouble(ps, i++, r.tlsMs());
        setDouble(ps, i++, r.ttfbMs());
        setDouble(ps, i++, r.totalMs());
        ps.setLong(i++, r.bytes());
        ps.setInt(i++, r.maintenance() ? 1 : 0);
        setInt(ps, i++, r.queuePosition());
        setInt(ps, i++, r.queueWaitS());
        ps.setString(i, r.detail());
    }

    private static StepResult readResult(ResultSet rs) throws SQLException {
        String kind = rs.getString("kind");
        return new StepResult(EpochNanos.toInstant(rs.getLong("ts_ns")), nanos(rs, "scheduled_ns"),
                rs.getString("target"), rs.getString("vantage"), rs.getString("journey"), rs.getString("run"),
                rs.getString("step"), kind == null ? null : StepKind.valueOf(kind),
                Outcome.fromWire(rs.getString("outcome")), integer(rs, "status"), rs.getString("signature"),
                dbl(rs, "dns_ms"), dbl(rs, "connect_ms"), dbl(rs, "tls_ms"), dbl(rs, "ttfb_ms"), dbl(rs, "total_ms"),
                rs.getLong("bytes"), rs.getInt("maintenance") != 0, integer(rs, "queue_position"),
                integer(rs, "queue_wait_s"), rs.getString("detail"));
    }

    private static void bindVerdict(PreparedStatement ps, Verdict v) throws SQLException {
        ps.setLong(1, EpochNanos.of(v.ts()));
        ps.setString(2, v.target());
        ps.setString(3, v.status().wire());
        ps.setString(4, v.cause().wire());
        ps.setString(5, StoredJson.causes(v.causes()));
        ps.setDouble(6, v.confidence());
        ps.setString(7, StoredJson.evidence(v.evidence()));
        ps.setString(8, v.incident());
    }

    private static Verdict readVerdict(ResultSet rs) throws SQLException {
        return new Verdict(EpochNanos.toInstant(rs.getLong("ts_ns")), rs.getString("target"),
                Status.fromWire(rs.getString("status")), Cause.fromWire(rs.getString("cause")),
                StoredJson.causes(rs.getString("causes")), rs.getDouble("confidence"),
                StoredJson.evidence(rs.getString("evidence")), rs.getString("incident"));
    }

    private static void bindEvent(PreparedStatement ps, IncidentEvent e) throws SQLException {
        ps.setLong(1, e.seq());
        ps.setString(2, e.incidentId());
        ps.setLong(3, EpochNanos.of(e.ts()));
        ps.setString(4, e.type().name());
        ps.setString(5, e.status() == null ? null : e.status().wire());
        ps.setString(6, e.cause() == null ? null : e.cause().wire());
        ps.setString(7, StoredJson.strings(e.targets()));
        ps.setString(8, StoredJson.evidence(e.evidence()));
        ps.setString(9, e.message());
        ps.setString(10, e.author());
    }

    private static IncidentEvent readEvent(ResultSet rs) throws SQLException {
        String status = rs.getString("status");
        String cause = rs.getString("cause");
        return new IncidentEvent(rs.getString("incident_id"), rs.getLong("seq"),
                EpochNanos.toInstant(rs.getLong("ts_ns")), IncidentEvent.Type.valueOf(rs.getString("type")),
                status == null ? null : Status.fromWire(status), cause == null ? null : Cause.fromWire(cause),
                StoredJson.strings(rs.getString("targets")), StoredJson.evidence(rs.getString("evidence")),
                rs.getString("message"), rs.getString("author"));
    }

    private static void setNanos(PreparedStatement ps, int i, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setLong(i, EpochNanos.of(t));
        }
    }

    private static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }

    private static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.REAL);
        } else {
            ps.setDouble(i, v);
        }
    }

    private static Instant nanos(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : EpochNanos.toInstant(v);
    }

    private static Integer integer(ResultSet rs, String col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }

    private static Double dbl(ResultSet rs, String col) throws SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? null : v;
    }
}
