package fr.vigie.alerts.silence;

import fr.vigie.alerts.routing.IncidentLabels;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Silences, thread-safe; the admin API (wired by the app) calls these plain methods. Silences end by
 * themselves at {@code until}; {@link #expire} ends one early. With a {@link SilenceStore} they survive a restart.
 */
public final class SilenceRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(SilenceRegistry.class);

    private final Clock clock;
    private final Map<String, Silence> silences = new ConcurrentHashMap<>();
    private final List<Runnable> onChange = new CopyOnWriteArrayList<>();

    private final SilenceStore store;

    /** Silences in memory only. */
    public SilenceRegistry(Clock clock) {
        this(clock, null);
    }

    /** Silences saved to {@code store} and reloaded from it. */
    public SilenceRegistry(Clock clock, SilenceStore store) {
        this.clock = clock;
        this.store = store;
        if (store != null) {
            store.load().forEach(s -> silences.put(s.id(), s));
        }
    }

    /**
     * Adds a silence from now until {@code until}.
     *
     * @throws IllegalArgumentException when who or why is blank or until is not in the future
     */
    public Silence add(String who, String why, Instant until, List<SilenceMatcher> matchers) {
        if (who == null || who.isBlank()) throw new IllegalArgumentException("a silence needs its author (who)");
        if (why == null || why.isBlank()) throw new IllegalArgumentException("a silence needs a reason (why)");
        Objects.requireNonNull(until, "until");
        Instant now = clock.instant();
        if (!until.isAfter(now)) throw new IllegalArgumentException("until must be in the future: " + until);
        Silence s = new Silence(UUID.randomUUID().toString(), who, why, now, until, matchers, null);
        if (store != null) store.save(s);
        silences.put(s.id(), s);
        LOG.info("silence added id={} by={} until={} matchers={}", s.id(), who, until, matchers);
        onChange.forEach(Runnable::run);
        return s;
    }

    /** Every silence still active now, soonest end first. */
    public List<Silence> list() {
        Instant now = clock.instant();
        List<Silence> out = new ArrayList<>();
        silences.values().stream().filter(s -> s.activeAt(now)).forEach(out::add);
        out.sort(Comparator.comparing(Silence::until));
        return out;
    }

    public Optional<Silence> get(String id) {
        return Optional.ofNullable(silences.get(id));
    }

    /** Ends a silence now; returns false when no such active silence exists. */
    public boolean expire(String id) {
        Instant now = clock.instant();
        Silence s = silences.get(id);
        if (s == null || !s.activeAt(now)) {
            return false;
        }
        Silence expired = new Silence(s.id(), s.createdBy(), s.comment(), s.createdAt(), s.until(), s.matchers(), now);
        if (store != null) store.save(expired);
        silences.put(id, expired);
        LOG.info("silence expired id={}", id);
        onChange.forEach(Runnable::run);
        return true;
    }

    /** The first active silence muting these labels now, if any. */
    public Optional<Silence> muting(IncidentLabels labels) {
        Instant now = clock.instant();
        return silences.values().stream().filter(s -> s.mutes(labels, now)).findFirst();
    }

    /** Called after each add or expire (the dispatcher re-evaluates muted incidents). */
    public void onChange(Runnable listener) {
        onChange.add(listener);
    }
}
