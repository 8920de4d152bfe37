package fr.vigie.alerts.delivery;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** At most one call per interval per Matrix homeserver, shared by every Matrix receiver on that server. */
public final class HomeserverGate {
    private final long intervalNanos;
    private final Map<String, Long> nextAllowed = new ConcurrentHashMap<>();

    public HomeserverGate(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    /** Reserves the next slot when it is open now (returns zero), else says how long to wait. */
    public Duration reserve(String homeserver) {
        long now = System.nanoTime();
        long[] wait = {0};
        nextAllowed.compute(homeserver, (k, next) -> {
            if (next == null || now - next >= 0) {
                return now + intervalNanos;
            }
            wait[0] = next - now;
            return next;
        });
        return Duration.ofNanos(wait[0]);
    }
}
