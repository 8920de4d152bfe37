package fr.vigie.subscriptions.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fixed-window counters per key (a client address, a hashed e-mail address), in memory and bounded: the oldest
 * keys are forgotten first when {@link #MAX_KEYS} are tracked, so a flood of distinct clients cannot exhaust the
 * heap. Keys are SHA-256 hashes: no address is held in clear here.
 */
final class RateLimits {
    static final int MAX_KEYS = 100_000;
    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, long[]> counters = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
            return size() > MAX_KEYS;
        }
    };

    RateLimits(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Counts one use of {@code key}; false when it is over its limit for the current window. */
    synchronized boolean allow(String key) {
        long now = clock.millis();
        long[] c = counters.computeIfAbsent(hash(key), k -> new long[] {now, 0});
        if (now - c[0] >= window.toMillis()) {
            c[0] = now;
            c[1] = 0;
        }
        c[1]++;
        return c[1] <= limit;
    }

    /** Seconds until the window of {@code key} ends (Retry-After). */
    synchronized long retryAfterSeconds(String key) {
        long[] c = counters.get(hash(key));
        if (c == null) {
            return 0;
        }
        return Math.max(1, (c[0] + window.toMillis() - clock.millis()) / 1000);
    }

    private static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
