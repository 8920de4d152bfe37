package fr.vigie.app.mirror;

import fr.vigie.config.SiteMirror;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps one mirror in step with the local site, on its own thread: {@link #request()} returns at once and merges
 * with a push already queued. A failed push is retried after a back-off doubling from {@code minBackoff} to
 * {@code maxBackoff}; requests meanwhile wait for that retry. Logged once per change of state (in sync, failing
 * with a given kind of error), never once per file.
 */
final class MirrorPusher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MirrorPusher.class);

    private final SiteMirror mirror;
    private final Path siteOutput;
    private final PushedState state;
    private final WebDavClient dav;
    private final Settings settings;
    private final SiteMirrors.Listener listener;
    private final ScheduledExecutorService thread;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final AtomicLong pushes = new AtomicLong();
    private volatile boolean backingOff;
    private volatile boolean stopping;
    private volatile String failing; // the kind of the last failure logged, null while in sync
    private int consecutiveFailures;
    /** Null until a MOVE is tried; false when the server offers none (files are then written in place). */
    private Boolean moves;

    /** Bounds of a push and of the retries. */
    record Settings(int maxFilesPerPush, Duration minBackoff, Duration maxBackoff) {
        static final Settings DEFAULTS = new Settings(500, Duration.ofSeconds(2), Duration.ofMinutes(5));
    }

    MirrorPusher(SiteMirror mirror, Path siteOutput, Path dataFolder, Settings settings,
                 SiteMirrors.Listener listener) {
        this.mirror = mirror;
        this.siteOutput = siteOutput;
        this.state = PushedState.load(dataFolder, mirror.url());
        this.dav = new WebDavClient(mirror);
        this.settings = settings;
        this.listener = listener;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "vigie-mirror-" + URIs.host(mirror.url()));
            t.setDaemon(true);
            return t;
        });
        // a retry waiting its back-off (up to maxBackoff) must not hold up the stop
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.thread = executor;
    }

    String url() {
        return mirror.url();
    }

    /** True while the last push failed. */
    boolean isFailing() {
        return failing != null;
    }

    /** Pushes that completed (every change sent), for tests and logs. */
    long pushes() {
        return pushes.get();
    }

    /** Asks for a push of the current site; returns at once. */
    void request() {
        if (stopping || backingOff) {
            return; // the retry already scheduled pushes the newest site
        }
        if (queued.compareAndSet(false, true)) {
            try {
                thread.execute(this::run);
            } catch (RejectedExecutionException closed) {
                queued.set(false);
            }
        }
    }

    private void run() {
        queued.set(false);
        if (stopping) {
            return;
        }
        boolean more;
        try {
            more = pushOnce();
        } catch (MirrorException e) {
            failed(e);
            return;
        } catch (IOException | RuntimeException e) {
            if (prunedUnderUs(e)) {
                // A newer generation replaced the one being read: nothing failed, push the newest one now.
                LOG.debug("mirror {}: the site changed while it was read, pushing the newer one", mirror.url());
                request();
                return;
            }
            // the state file, or the local site unreadable: retried with the back-off
            failed(new MirrorException("local-" + e.getClass().getSimpleName(), "reading the local site: " + e));
            return;
        }
        if (failing != null) {
            LOG.info("mirror {}: in step with the site again after {} failed attempt(s)", mirror.url(),
                    consecutiveFailures);
        }
        failing = null;
        consecutiveFailures = 0;
        if (more) {
            request(); // at most maxFilesPerPush per push: the rest follows at once
        } else {
            pushes.incrementAndGet();
        }
    }

    /** A file of the site vanished while read: the regenerator pruned that generation for a newer one. */
    private static boolean prunedUnderUs(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.file.NoSuchFileException) {
                return true;
            }
        }
        return false;
    }

    /** One bounded push; true when changes are left for the next. */
    private boolean pushOnce() throws MirrorException, IOException {
        LocalSite site = LocalSite.read(siteOutput);
        PushPlan plan = PushPlan.of(site, state, settings.maxFilesPerPush());
        if (plan.isEmpty()) {
            return false;
        }
        int uploaded = 0;
        int deleted = 0;
        try {
            for (String path : plan.uploads()) {
                if (stopping) {
                    return false;
                }
                makeFolders(path);
                upload(path, site.content(path));
                state.pushed(path, site.hashes().get(path));
                uploaded++;
            }
            for (String path : plan.deletes()) {
                if (stopping) {
                    return false;
                }
                dav.delete(path);
                state.deleted(path);
                deleted++;
            }
        } finally {
            state.save(); // what made it is not sent again, even after a failure or a restart
            if (uploaded + deleted > 0) {
                listener.pushed(mirror.url(), uploaded, deleted);
            }
        }
        LOG.debug("mirror {}: {} file(s) sent, {} deleted", mirror.url(), uploaded, deleted);
        return !plan.complete();
    }

    private void makeFolders(String path) throws MirrorException {
        for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
            String folder = path.substring(0, slash + 1);
            if (!state.hasFolder(folder)) {
                dav.makeFolder(folder);
                state.folderMade(folder);
            }
        }
    }

    /** Under a temporary name then MOVE in place, so a reader sees the old file or the new one, never half. */
    private void upload(String path, byte[] content) throws MirrorException {
        if (Boolean.FALSE.equals(moves)) {
            dav.put(path, content);
            return;
        }
        int slash = path.lastIndexOf('/');
        String temporary = path.substring(0, slash + 1) + "." + path.substring(slash + 1) + ".vigie-tmp";
        dav.put(temporary, content);
        if (dav.move(temporary, path)) {
            moves = true;
            return;
        }
        moves = false;
        LOG.info("mirror {} offers no WebDAV MOVE: files are written in place (readers may see one half-written)",
                mirror.url());
        dav.delete(temporary);
        dav.put(path, content);
    }

    private void failed(MirrorException e) {
        backingOff = true; // from now on, requests wait for the retry
        consecutiveFailures++;
        listener.failed(mirror.url());
        Duration delay = backoff(consecutiveFailures);
        if (failing == null) {
            LOG.warn("mirror {}: push failed: {}; the local site keeps being published, retrying in {}, then "
                    + "backing off up to {}", mirror.url(), e.getMessage(), words(delay), words(settings.maxBackoff()));
        } else if (!e.kind().equals(failing)) {
            LOG.warn("mirror {}: still failing, now: {}", mirror.url(), e.getMessage());
        }
        failing = e.kind();
        if (stopping) {
            return;
        }
        try {
            thread.schedule(() -> {
                backingOff = false;
                request();
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            backingOff = false;
        }
    }

    private static String words(Duration d) {
        return d.compareTo(Duration.ofSeconds(1)) < 0 ? d.toMillis() + " ms" : d.toSeconds() + " s";
    }

    Duration backoff(int failures) {
        Duration d = settings.minBackoff();
        for (int i = 1; i < failures && d.compareTo(settings.maxBackoff()) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : d;
    }

    /** Lets a push in flight end at its next file (each request is bounded by the mirror's timeout). */
    @Override
    public void close() {
        stopping = true;
        thread.shutdown();
        try {
            if (!thread.awaitTermination(mirror.timeout().toMillis() * 2 + 1000, TimeUnit.MILLISECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
        try {
            dav.close();
        } catch (IOException e) {
            LOG.debug("mirror {}: closing the client: {}", mirror.url(), e.toString());
        }
    }

    /** Small URL helpers for thread names. */
    static final class URIs {
        private URIs() {
        }

        static String host(String url) {
            String host = java.net.URI.create(url).getHost();
            return host == null ? "?" : host;
        }
    }
}
