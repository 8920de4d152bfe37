package fr.vigie.probes.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Never get a test account locked: after a {@code login_rejected} (Open ENT NG locks after 5 failures
 * in 15 minutes), a target's logged-in steps pause for {@code probing.loginBackoff}; public steps still run.
 */
public final class LoginBackoff {
    private final Duration pause;
    private final Clock clock;
    private final Map<String, Instant> pausedUntil = new ConcurrentHashMap<>();

    public LoginBackoff(Duration pause, Clock clock) {
        this.pause = pause;
        this.clock = clock;
    }

    public LoginBackoff(Duration pause) {
        this(pause, Clock.systemUTC());
    }

    /** Records a rejected login for {@code targetId} now. */
    public Instant pause(String targetId) {
        Instant until = clock.instant().plus(pause);
        pausedUntil.put(targetId, until);
        return until;
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
