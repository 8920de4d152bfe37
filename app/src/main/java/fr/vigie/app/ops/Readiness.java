package fr.vigie.app.ops;

import fr.vigie.aggregator.store.Store;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * What {@code /readyz} answers: ready while the store can be written, a result was stored less than
 * {@code staleAfter} ago (or Vigie started less than that ago) and no event loop is blocked.
 */
public final class Readiness {
    private final Store store;
    private final EventLoopWatch loops;
    private final Clock clock;
    private final Duration staleAfter;
    private final Instant started;
    private final AtomicReference<Instant> lastStored = new AtomicReference<>();
    private volatile CalendarWatch calendar;
    private volatile Supplier<List<String>> failingControls = List::of;

    public Readiness(Store store, EventLoopWatch loops, Clock clock, Duration staleAfter) {
        this.store = store;
        this.loops = loops;
        this.clock = clock;
        this.staleAfter = staleAfter;
        this.started = clock.instant();
    }

    /**
     * Adds the school calendar's coverage to the detail. A calendar running out does not make Vigie unready (the
     * probes still work), it adds a warning that monitoring and the operator read.
     */
    public Readiness watchCalendar(CalendarWatch watch) {
        this.calendar = watch;
        return this;
    }

    /**
     * Adds the control targets that fail now. A failing control opens no incident and alerts nobody (it is Vigie's
     * side or the control site, not a service): this detail, a warning and the log are where the operator sees it.
     * It does not make Vigie unready either: the services are still probed.
     */
    public Readiness watchControls(Supplier<List<String>> failing) {
        this.failingControls = failing;
        return this;
    }

    /** Called once the aggregator has stored a result. */
    public void resultStored() {
        lastStored.set(clock.instant());
    }

    /** When the last result was stored, or null. */
    public Instant lastStored() {
        return lastStored.get();
    }

    /** How long since the last stored result (since start when none was stored yet). */
    public Duration sinceLastResult() {
        Instant last = lastStored.get();
        return Duration.between(last == null ? started : last, clock.instant());
    }

    public Duration staleAfter() {
        return staleAfter;
    }

    public boolean stale() {
        return sinceLastResult().compareTo(staleAfter) > 0;
    }

    public boolean ready() {
        return store.writable() && !stale() && !loops.blocked();
    }

    /** The detail, without secrets or paths: each check and the figures behind it. */
    public JsonObject json() {
        Instant last = lastStored.get();
        JsonObject detail = new JsonObject()
                .put("status", ready() ? "ready" : "not_ready")
                .put("store_writable", store.writable())
                .put("store_backlog", store.backlog())
                .put("last_result", last == null ? null : last.toString())
                .put("seconds_since_last_result", sinceLastResult().toSeconds())
                .put("stale_after_seconds", staleAfter.toSeconds())
                .put("results_fresh", !stale())
                .put("event_loops_blocked", loops.blocked())
                .put("longest_event_loop_wait_ms", loops.longestWait().toMillis());
        JsonArray warnings = new JsonArray();
        CalendarWatch watch = calendar;
        if (watch != null) {
            fr.vigie.config.calendar.CalendarCoverage c = watch.coverage();
            detail.put("school_calendar", new JsonObject().put("state", c.state().name().toLowerCase(java.util.Locale.ROOT))
                    .put("last_known_day", c.lastKnownDay().toString()).put("days_left", c.daysLeft()));
            if (!c.ok()) {
                warnings.add(c.message());
            }
        }
        List<String> controls = failingControls.get();
        detail.put("control_targets_failing", new JsonArray(controls));
        for (String id : controls) {
            warnings.add("control target " + id + " fails: Vigie's own probing path or that control site is in trouble"
                    + " (no incident is opened for it)");
        }
        if (!warnings.isEmpty()) {
            detail.put("warnings", warnings);
        }
        return detail;
    }
}
