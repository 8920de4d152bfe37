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
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The embedded store: one SQLite file in WAL mode. Appends are queued and written by a writer thread in one
 * transaction every {@link #FLUSH_PERIOD_MS} ms, so a kill -9 loses at most that much and WAL keeps the file
 * consistent. Reads see everything appended before them (they drain the queue first).
 *
 * <p>Bounded under failure: at most {@link #DEFAULT_MAX_PENDING} items wait for the writer. While the disk is
 * full or the file unwritable they stay queued, and past the bound the oldest raw step results are shed first,
 * then verdicts, incident events last (counted in {@link #losses()} and logged). A row SQLite rejects (a
 * constraint, a trigger) is set aside in {@code <file>.quarantine} with the reason, and the rest is written.
 */
public final class SqliteStore implements Store {
    /** Well under the one second a crash may lose. */
    static final long FLUSH_PERIOD_MS = 250;
    /** Minutes of a full fleet's results while the disk is full (a step result is a few hundred bytes in memory). */
    public static final int DEFAULT_MAX_PENDING = 100_000;
    /** Items per transaction, so a long backlog is written in steps that readers can interleave with. */
    static final int MAX_BATCH = 5_000;
    private static final long LOSS_LOG_PERIOD_MS = 10_000;
    private static final long PRUNE_PERIOD_MINUTES = 60;
    private static final int PRUNE_CHUNK = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(SqliteStore.class);

    private final Path file;
    private final Connection connection;
    private final Path quarantine;
    private final PendingWrites pending;
    private final int maxPending;
    private long quarantined;
    private volatile String failing; // why writes fail now, null when they succeed
    private WriteLosses reported = WriteLosses.NONE;
    private long reportedAtMs;
    private final ScheduledExecutorService writer;
    private final Object lock = new Object();
    private boolean closed;

    public SqliteStore(Path file) {
        this(file, null);
    }

    /**
     * @param retention raw step results older than this are deleted every hour (verdicts and incident events,
     *                  which make the history, are kept); null keeps everything
     */
    public SqliteStore(Path file, Duration retention) {
        this(file, retention, DEFAULT_MAX_PENDING);
    }

    /** @param maxPending how many items may wait for the writer before shedding starts */
    SqliteStore(Path file, Duration retention, int maxPending) {
        this.file = file;
        this.quarantine = Path.of(file + ".quarantine");
        this.pending = new PendingWrites(maxPending);
        this.maxPending = maxPending;
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
        for (StepResult r : results) {
            pending.addResult(r);
        }
    }

    @Override
    public void appendVerdict(Verdict verdict) {
        pending.addRecord(verdict);
    }

    @Override
    public void appendIncidentEvent(IncidentEvent event) {
        pending.addRecord(event);
    }

    @Override
    public WriteLosses losses() {
        synchronized (lock) {
            return new WriteLosses(pending.shedResults(), pending.shedVerdicts(), pending.shedEvents(), quarantined);
        }
    }

    /** Items waiting for the writer (bounded by the capacity given at opening). */
    int pendingCount() {
        return pending.size();
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
            reportLosses();
        } catch (RuntimeException e) {
            LOG.error("SQLite writer failed, will retry: {}", e.getMessage());
        }
    }

    @Override
    public long backlog() {
        return pending.size();
    }

    @Override
    public boolean writable() {
        return failing == null && !writer.isShutdown();
    }

    /** One log line per period at most while items are being shed or quarantined. */
    private void reportLosses() {
        WriteLosses now = losses();
        long ms = System.currentTimeMillis();
        if (now.equals(reported) || ms - reportedAtMs < LOSS_LOG_PERIOD_MS) {
            return;
        }
        LOG.warn("SQLite store {}: shed so far (pending-write queue full) {} step results, {} verdicts, {}"
                        + " incident events; {} rejected rows quarantined in {}", file, now.shedResults(), now.shedVerdicts(),
                now.shedIncidentEvents(), now.quarantined(), quarantine);
        reported = now;
        reportedAtMs = ms;
    }

    /**
     * Writes the queued items, {@link #MAX_BATCH} per transaction. While the file cannot be written (disk full, I/O
     * error, locked) the items go back to the queue and wait; a batch SQLite rejects is written row by row, and the
     * rejected rows are quarantined. Never throws: a read after a failed write sees what is on disk.
     */
    private void drain() {
        while (!closed && !pending.isEmpty()) {
            List<Object> batch = pending.take(MAX_BATCH);
            try {
                write(batch);
                recovered();
            } catch (SQLException ex) {
                if (isTransient(ex)) {
                    pending.putBack(batch);
                    failing(ex);
                    return;
                }
                if (!writeOneByOne(batch)) {
                    return;
                }
            }
        }
    }

    /** @return false if the file stopped accepting writes (what is left went back to the queue) */
    private boolean writeOneByOne(List<Object> batch) {
        for (int i = 0; i < batch.size(); i++) {
            try {
                write(List.of(batch.get(i)));
            } catch (SQLException ex) {
                if (isTransient(ex)) {
                    pending.putBack(batch.subList(i, batch.size()));
                    failing(ex);
                    return false;
                }
                quarantine(batch.get(i), ex);
            }
        }
        recovered();
        return true;
    }

    private void write(List<Object> batch) throws SQLException {
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
        } catch (SQLException | RuntimeException ex) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the original failure is the one worth reporting
            }
            if (ex instanceof RuntimeException re) {
                // a value the binding refuses (a null where a column needs one) is a rejected row too
                throw new SQLException(re.toString(), re);
            }
            throw ex;
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException ignored) {
                // next write sets it again
            }
        }
    }

    /** Disk full, I/O error, busy or read-only: the same rows will go in once the file is writable again. */
    static boolean isTransient(SQLException e) {
        if (!(e instanceof SQLiteException)) {
            return false;
        }
        int primary = e.getErrorCode() & 0xff;
        return switch (primary) {
            case 5, 6, 7, 8, 10, 13, 14, 15 -> true; // BUSY LOCKED NOMEM READONLY IOERR FULL CANTOPEN PROTOCOL
            default -> false;
        };
    }

    private void quarantine(Object item, SQLException why) {
        quarantined++;
        String line = Instant.now() + "\t" + why.getMessage().replace('\n', ' ') + "\t" + item + "\n";
        try {
            Files.writeString(quarantine, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            LOG.error("SQLite store {} rejected a {} ({}); set aside in {}", file, item.getClass().getSimpleName(),
                    why.getMessage(), quarantine);
        } catch (IOException e) {
            LOG.error("SQLite store {} rejected a row ({}) and the quarantine file {} cannot be written ({}): {}",
                    file, why.getMessage(), quarantine, e.getMessage(), item);
        }
    }

    private void failing(SQLException ex) {
        if (failing == null) {
            LOG.error("SQLite store {} cannot write ({}); {} items wait in memory, at most {} before shedding",
                    file, ex.getMessage(), pending.size(), maxPending);
        }
        failing = ex.getMessage();
    }

    private void recovered() {
        if (failing != null) {
            LOG.warn("SQLite store {} writes again after: {}", file, failing);
            failing = null;
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
