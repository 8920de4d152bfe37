package fr.vigie.aggregator.store;

import fr.vigie.aggregator.IncidentEvent;
import fr.vigie.aggregator.Verdict;
import fr.vigie.config.Secret;
import fr.vigie.probes.StepResult;
import okhttp3.OkHttpClient;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBException;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The InfluxDB 1.x store. A writer thread sends queued points in batches every {@link #FLUSH_PERIOD_MS} ms;
 * when the server is down or slow the points go to a {@link DiskSpool} instead and are replayed, in order,
 * before anything newer once it answers again. Queries see what has reached the server.
 */
public final class InfluxStore implements Store {
    static final long FLUSH_PERIOD_MS = 250;
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final int CHUNK = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(InfluxStore.class);

    private final String url;
    private final String database;
    private final Duration rawRetention;
    private final InfluxDB influx;
    private final DiskSpool spool;
    private final ConcurrentLinkedQueue<DiskSpool.SpooledLine> pending = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService writer;
    private final Object lock = new Object();
    private volatile boolean lastWriteFailed;
    /** Revealed only to build the client; scrubbed from every message we log or throw. */
    private final String passwordText;
    private boolean schemaReady;
    private boolean closed;

    /**
     * @param url          InfluxDB 1.x base URL
     * @param database     database name, created if absent
     * @param rawRetention how long raw results are kept (null: 30 days)
     * @param spoolDir     folder of the local spool used while the server is unreachable
     * @param username     may be null
     * @param password     may be null
     */
    public InfluxStore(String url, String database, Duration rawRetention, Path spoolDir, Secret username,
                       Secret password) {
        this(url, database, rawRetention, spoolDir, username, password, DEFAULT_TIMEOUT);
    }

    /** @param timeout bound of one HTTP exchange: beyond it the server counts as slow and points go to the spool */
    InfluxStore(String url, String database, Duration rawRetention, Path spoolDir, Secret username,
                Secret password, Duration timeout) {
        this.url = url;
        this.database = database;
        this.rawRetention = rawRetention == null ? Duration.ofDays(30) : rawRetention;
        this.spool = new DiskSpool(spoolDir);
        this.passwordText = password == null || password.isEmpty() ? null : password.reveal();
        // Short time-outs: a slow server must push points to the spool, not stall the aggregator.
        OkHttpClient.Builder http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(2))
                .readTimeout(timeout).writeTimeout(timeout);
        this.influx = username == null
                ? InfluxDBFactory.connect(url, http)
                : InfluxDBFactory.connect(url, username.reveal(), password == null ? "" : password.reveal(), http);
        synchronized (lock) {
            tryPrepareSchema();
        }
        writer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vigie-influx-writer");
            t.setDaemon(true);
            return t;
        });
        writer.scheduleWithFixedDelay(this::flushQuietly, FLUSH_PERIOD_MS, FLUSH_PERIOD_MS, TimeUnit.MILLISECONDS);
        LOG.info("InfluxDB store on {} database {}", url, database);
    }

    @Override
    public void appendResults(List<StepResult> results) {
        for (StepResult r : results) {
            pending.add(new DiskSpool.SpooledLine(InfluxSchema.RAW, InfluxPoints.result(r).lineProtocol()));
        }
    }

    @Override
    public void appendVerdict(Verdict verdict) {
        pending.add(new DiskSpool.SpooledLine(InfluxSchema.FOREVER, InfluxPoints.verdict(verdict).lineProtocol()));
    }

    @Override
    public void appendIncidentEvent(IncidentEvent event) {
        pending.add(new DiskSpool.SpooledLine(InfluxSchema.FOREVER, InfluxPoints.event(event).lineProtocol()));
    }

    @Override
    public List<StepResult> results(String target, Instant from, Instant to) {
        return select(InfluxSchema.RAW, InfluxPoints.RESULTS, target, from, to, InfluxPoints::result);
    }

    @Override
    public List<Verdict> verdicts(String target, Instant from, Instant to) {
        return select(InfluxSchema.FOREVER, InfluxPoints.VERDICTS, target, from, to, InfluxPoints::verdict);
    }

    @Override
    public List<IncidentEvent> incidentEvents() {
        flush();
        List<IncidentEvent> events = new ArrayList<>(rows("SELECT * FROM \"" + database + "\".\""
                + InfluxSchema.FOREVER + "\".\"" + InfluxPoints.EVENTS + "\"", InfluxPoints::event));
        events.sort(Comparator.comparingLong(IncidentEvent::seq));
        return events;
    }

    /** True while points wait in the local spool for the server to come back. */
    public boolean spooling() {
        synchronized (lock) {
            return !spool.isEmpty();
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
        }
        influx.close();
        LOG.info("InfluxDB store on {} closed", url);
    }

    @Override
    public long backlog() {
        return pending.size();
    }

    @Override
    public long spoolBytes() {
        return spool.bytes();
    }

    /** Points that cannot reach the server go to the spool: writable as long as the spool can be written. */
    @Override
    public boolean writable() {
        return !lastWriteFailed && !writer.isShutdown();
    }

    private void flushQuietly() {
        try {
            flush();
            lastWriteFailed = false;
        } catch (RuntimeException e) {
            lastWriteFailed = true;
            LOG.error("InfluxDB writer failed, will retry: {}", safe(e));
        }
    }

    /** Sends the spool first (order), then the queue; whatever cannot be sent is appended to the spool. */
    private void drain() {
        if (closed) {
            return;
        }
        List<DiskSpool.SpooledLine> batch = new ArrayList<>();
        for (DiskSpool.SpooledLine l = pending.poll(); l != null; l = pending.poll()) {
            batch.add(l);
        }
        if (!spool.isEmpty()) {
            if (!batch.isEmpty()) {
                spool.append(batch);
            }
            if (send(spool.readAll())) {
                spool.clear();
                LOG.info("InfluxDB on {} is back: spool replayed", url);
            }
            return;
        }
        if (!batch.isEmpty() && !send(batch)) {
            spool.append(batch);
            LOG.warn("InfluxDB on {} unreachable or slow: {} points spooled to disk", url, batch.size());
        }
    }

    /** @return true when every line reached the server */
    private boolean send(List<DiskSpool.SpooledLine> lines) {
        if (!tryPrepareSchema()) {
            return false;
        }
        try {
            int i = 0;
            while (i < lines.size()) {
                String rp = lines.get(i).retentionPolicy();
                List<String> chunk = new ArrayList<>();
                while (i < lines.size() && lines.get(i).retentionPolicy().equals(rp) && chunk.size() < CHUNK) {
                    chunk.add(lines.get(i++).line());
                }
                influx.write(database, rp, InfluxDB.ConsistencyLevel.ONE, TimeUnit.NANOSECONDS, chunk);
            }
            return true;
        } catch (InfluxDBException e) {
            if (!e.isRetryWorth()) {
                // Refused for good (beyond retention, type conflict): spooling it would block the spool forever.
                LOG.error("InfluxDB on {} refused points, dropped: {}", url, safe(e));
                return true;
            }
            LOG.warn("InfluxDB write to {} failed: {}", url, safe(e));
            return false;
        } catch (RuntimeException e) {
            LOG.warn("InfluxDB write to {} failed: {}", url, safe(e));
            return false;
        }
    }

    private boolean tryPrepareSchema() {
        if (schemaReady) {
            return true;
        }
        try {
            InfluxSchema.ensure(influx, database, rawRetention);
            schemaReady = true;
        } catch (RuntimeException e) {
            LOG.warn("InfluxDB on {} not ready for database {}: {}", url, database, safe(e));
        }
        return schemaReady;
    }

    /** An exception's message without the password (the client sends it as a query parameter). */
    private String safe(Throwable e) {
        return scrub(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    private String scrub(String text) {
        return passwordText == null || text == null ? text : text.replace(passwordText, "******");
    }

    private <T> List<T> select(String rp, String measurement, String target, Instant from, Instant to,
                               Function<Map<String, Object>, T> mapper) {
        flush();
        String q = "SELECT * FROM \"" + database + "\".\"" + rp + "\".\"" + measurement + "\" WHERE \"target\" = '"
                + target.replace("\\", "\\\\").replace("'", "\\'") + "' AND time >= " + EpochNanos.of(from)
                + " AND time < " + EpochNanos.of(to);
        return rows(q, mapper);
    }

    private <T> List<T> rows(String q, Function<Map<String, Object>, T> mapper) {
        QueryResult r;
        try {
            r = influx.query(new Query(q, database));
        } catch (RuntimeException e) {
            throw new StoreException("InfluxDB query on " + url + " failed: " + safe(e), null);
        }
        String error = InfluxSchema.errorOf(r);
        if (error != null) {
            throw new StoreException("InfluxDB query on " + url + " failed: " + scrub(error), null);
        }
        List<T> out = new ArrayList<>();
        if (r.getResults() == null) {
            return out;
        }
        for (QueryResult.Result res : r.getResults()) {
            if (res.getSeries() == null) {
                continue;
            }
            for (QueryResult.Series s : res.getSeries()) {
                for (List<Object> values : s.getValues()) {
                    Map<String, Object> row = new HashMap<>();
                    for (int c = 0; c < s.getColumns().size(); c++) {
                        row.put(s.getColumns().get(c), values.get(c));
                    }
                    out.add(mapper.apply(row));
                }
            }
        }
        return out;
    }
}
