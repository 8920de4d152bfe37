package fr.vigie.probes.run;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Never get a test account locked: after a {@code login_rejected} (Open ENT NG locks after 5 failures
 * in 15 minutes), a target's logged-in steps pause for {@code probing.loginBackoff}; public steps still run.
 * With a file, pauses survive a restart, so a crash loop cannot retry a rejected password.
 * <p>
 * A second rejection in a row (no accepted login in between) pauses for {@link #REPEATED_PAUSE} (at least
 * {@code probing.loginBackoff}): identity providers count failures over long windows (Keycloak: 12 hours by
 * default), so a fixed pause would still add one failure every pause until the account locks. Vigie thus makes
 * at most two failed attempts per account in any such window, below any lock-out threshold of 3 or more.
 */
public final class LoginBackoff {
    private static final Logger LOG = LoggerFactory.getLogger(LoginBackoff.class);

    private final Duration pause;
    private final Clock clock;
    private final Path file;
    private final Map<String, Instant> pausedUntil = new ConcurrentHashMap<>();
    /** pause() is called on the event loop: the file is written here, latest state last */
    private final ExecutorService saver = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "vigie-login-backoff-writer");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Integer> rejections = new ConcurrentHashMap<>();
    /** The pause after a second rejection in a row: longer than the failure windows of the platforms. */
    public static final Duration REPEATED_PAUSE = Duration.ofHours(24);
    private static final String REJECTIONS = "rejections.";

    public LoginBackoff(Duration pause, Clock clock) {
        this(pause, clock, null);
    }

    public LoginBackoff(Duration pause) {
        this(pause, Clock.systemUTC());
    }

    private LoginBackoff(Duration pause, Clock clock, Path file) {
        this.pause = pause;
        this.clock = clock;
        this.file = file;
    }

    /** Pauses kept in {@code file} (target id = end of pause), read back at start. */
    public static LoginBackoff persistent(Duration pause, Clock clock, Path file) {
        LoginBackoff backoff = new LoginBackoff(pause, clock, file);
        backoff.load();
        return backoff;
    }

    /** Records a rejected login for {@code targetId} now. */
    public Instant pause(String targetId) {
        int inARow = rejections.merge(targetId, 1, Integer::sum);
        Duration length = inARow >= 2 && REPEATED_PAUSE.compareTo(pause) > 0 ? REPEATED_PAUSE : pause;
        Instant until = clock.instant().plus(length);
        pausedUntil.put(targetId, until);
        if (file != null) {
            saver.execute(this::save); // one write per rejected login: rare, never many queued
        }
        return until;
    }

    /** A logged-in step of {@code targetId} succeeded: the count of rejections in a row starts again. */
    public void accepted(String targetId) {
        if (rejections.remove(targetId) != null && file != null) {
            saver.execute(this::save); // called on the event loop: the file is written off it, as in pause()
        }
    }

    /** Rejections in a row for {@code targetId} (0 after an accepted login). */
    public int rejectionsInARow(String targetId) {
        return rejections.getOrDefault(targetId, 0);
    }

    private void load() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        Properties saved = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            saved.load(r);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("login back-off file {} unreadable, starting without pauses: {}", file, e.toString());
            return;
        }
        Instant now = clock.instant();
        for (String target : saved.stringPropertyNames()) {
            if (target.startsWith(REJECTIONS)) {
                try {
                    rejections.put(target.substring(REJECTIONS.length()), Integer.parseInt(saved.getProperty(target)));
                } catch (NumberFormatException e) {
                    LOG.warn("login back-off file {}: ignoring bad entry {}", file, target);
                }
                continue;
            }
            try {
                Instant until = Instant.parse(saved.getProperty(target));
                if (now.isBefore(until)) {
                    pausedUntil.put(target, until);
                    LOG.info("target={} logged-in steps still paused until {} (rejected login before restart)",
                            target, until);
                }
            } catch (RuntimeException e) {
                LOG.warn("login back-off file {}: ignoring bad entry for {}", file, target);
            }
        }
    }

    /** Rare (one write per rejected login): written in place of the old file in one atomic move. */
    private synchronized void save() {
        if (file == null) {
            return;
        }
        Properties out = new Properties();
        pausedUntil.forEach((target, until) -> out.setProperty(target, until.toString()));
        rejections.forEach((target, n) -> out.setProperty(REJECTIONS + target, Integer.toString(n)));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                out.store(w, "Vigie: test accounts whose login was rejected, paused until (UTC)");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("could not save the login back-off to {}: {}", file, e.toString());
        }
    }

    /** Waits (up to {@code timeout}) until the pauses recorded so far are on disk. Not for an event loop. */
    public boolean saved(Duration timeout) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        saver.execute(done::countDown);
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** When the pause of {@code targetId} ends, if it is paused now. */
    public Optional<Instant> pausedUntil(String targetId) {
        Instant until = pausedUntil.get(targetId);
        if (until == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(until)) {
            pausedUntil.remove(targetId, until);
            return Optional.empty();
        }
        return Optional.of(until);
    }
}
