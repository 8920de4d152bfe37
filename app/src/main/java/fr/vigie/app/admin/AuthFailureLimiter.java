package fr.vigie.app.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Slows token guessing on the admin API: a client (remote address) that sent {@code maxFailures} wrong tokens within
 * {@code window} is refused, right token or not, until that window ends. The table is bounded: beyond
 * {@code maxClients} expired entries are dropped first, then the whole table (a flood of addresses only resets it).
 */
final class AuthFailureLimiter {
    static final int DEFAULT_MAX_FAILURES = 10;
    static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);
    private static final int MAX_CLIENTS = 10_000;

    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Failures> clients = new HashMap<>();

    AuthFailureLimiter(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    static AuthFailureLimiter defaults() {
        return new AuthFailureLimiter(DEFAULT_MAX_FAILURES, DEFAULT_WINDOW, Clock.systemUTC());
    }

    /** How long the client must still wait, or zero when it may try. */
    synchronized Duration retryAfter(String client) {
        Failures f = current(client);
        if (f == null || f.count < maxFailures) {
            return Duration.ZERO;
        }
        return Duration.between(clock.instant(), f.since.plus(window));
    }

    synchronized void failed(String client) {
        Failures f = current(client);
        if (f == null) {
            if (clients.size() >= MAX_CLIENTS) {
                clients.values().removeIf(this::expired);
                if (clients.size() >= MAX_CLIENTS) {
                    clients.clear();
                }
            }
            f = new Failures(clock.instant());
            clients.put(client, f);
        }
        f.count++;
    }

    synchronized void succeeded(String client) {
        clients.remove(client);
    }

    private Failures current(String client) {
        Failures f = clients.get(client);
        if (f != null && expired(f)) {
            clients.remove(client);
            return null;
        }
        return f;
    }

    private boolean expired(Failures f) {
        return !clock.instant().isBefore(f.since.plus(window));
    }

    private static final class Failures {
        final Instant since;
        int count;

        Failures(Instant since) {
            this.since = since;
        }
    }
}
