package fr.vigie.statuspage;

import fr.vigie.aggregator.AggregatorListener;
import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.IncidentEvent;
import fr.vigie.aggregator.SnapshotSource;
import fr.vigie.aggregator.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the public site fresh: regenerates on every verdict change or incident event and on a fixed
 * period (one minute in production), on its own single thread. A burst of events while a generation
 * runs results in exactly one more generation, not one per event. After each switch it runs
 * {@code afterPublish} (typically {@code server::reload}).
 */
public final class SiteRegenerator implements AggregatorListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SiteRegenerator.class);

    private final SiteGenerator generator;
    private final SnapshotSource source;
    private final Path outDir;
    private final Clock clock;
    private final Runnable afterPublish;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vigie-site-regenerator");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicLong generations = new AtomicLong();
    private volatile java.util.function.Consumer<Duration> onGenerated = d -> { };

    public SiteRegenerator(SiteGenerator generator, SnapshotSource source, Path outDir, Clock clock,
                           Runnable afterPublish) {
        this.generator = generator;
        this.source = source;
        this.outDir = outDir;
        this.clock = clock;
        this.afterPublish = afterPublish;
    }

    /** Generates now, then every {@code period} (the issue asks for one minute). */
    public void start(Duration period) {
        thread.scheduleAtFixedRate(this::regenerateQuietly, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void onVerdict(Verdict verdict) {
        request();
    }

    @Override
    public void onIncidentEvent(IncidentEvent event, Incident state) {
        request();
    }

    /** Asks for a regeneration; returns at once. Requests made while one is queued are merged into it. */
    public void request() {
        if (pending.compareAndSet(false, true)) {
            try {
                thread.execute(this::regenerateQuietly);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                pending.set(false);
            }
        }
    }

    /** Told how long each published generation took (metrics). */
    public void onGenerated(java.util.function.Consumer<Duration> listener) {
        this.onGenerated = listener;
    }

    /** How many generations were published so far. */
    public long generations() {
        return generations.get();
    }

    private void regenerateQuietly() {
        // Cleared before reading the snapshot: an event arriving from now on queues one more run.
        pending.set(false);
        try {
            long start = System.nanoTime();
            generator.generate(source.snapshot(clock.instant()), outDir);
            onGenerated.accept(Duration.ofNanos(System.nanoTime() - start));
            generations.incrementAndGet();
            afterPublish.run();
        } catch (RuntimeException e) {
            // The previous generation stays published; the next event or tick tries again.
            LOG.error("site regeneration failed, keeping the previous site: {}", e.toString(), e);
        }
    }

    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
