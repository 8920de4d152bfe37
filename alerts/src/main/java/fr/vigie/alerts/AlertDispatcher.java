package fr.vigie.alerts;

import fr.vigie.aggregator.AggregatorListener;
import fr.vigie.aggregator.Evidence;
import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.IncidentEvent;
import fr.vigie.alerts.content.Alert;
import fr.vigie.alerts.content.AlertKind;
import fr.vigie.alerts.content.ServiceRef;
import fr.vigie.alerts.delivery.InternalAlarm;
import fr.vigie.alerts.outbox.NotificationId;
import fr.vigie.alerts.outbox.Outbox;
import fr.vigie.alerts.routing.IncidentLabels;
import fr.vigie.alerts.routing.Router;
import fr.vigie.alerts.routing.TargetDirectory;
import fr.vigie.alerts.silence.MaintenanceCalendar;
import fr.vigie.alerts.silence.SilenceRegistry;
import fr.vigie.config.AlertsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Turns the aggregator's incident events into notifications: one per incident and per meaningful change
 * (opened, status changed, a cause newly known, scope grown materially, resolved) after a group wait, a reminder after the repeat interval,
 * nothing while inhibited (open vantage incident, or the target's hosting-group incident), silenced or under
 * maintenance. Notifications are written to the outbox, one per routed receiver, then delivery is woken.
 * All state lives on the dispatcher's own thread; time comes from the injected clock.
 */
public final class AlertDispatcher implements AggregatorListener, InternalAlarm, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcher.class);
    /** events that may call for a notification once the group wait is over; {@link #kindOf} decides */
    private static final Set<IncidentEvent.Type> MEANINGFUL = EnumSet.of(IncidentEvent.Type.OPENED,
            IncidentEvent.Type.STATUS_CHANGED, IncidentEvent.Type.CAUSE_CHANGED, IncidentEvent.Type.TARGETS_CHANGED,
            IncidentEvent.Type.RESOLVED);
    /** a muted incident is looked at again this often, so it is told once the silence or maintenance ends */
    private static final Duration RECHECK = Duration.ofMinutes(1);

    private final Clock clock;
    private final Duration groupWait;
    private final Duration repeatInterval;
    private final TargetDirectory directory;
    private final Router router;
    private final SilenceRegistry silences;
    private final MaintenanceCalendar maintenance;
    private final Outbox outbox;
    private final Consumer<String> wake;
    private final Set<String> receivers;
    private final String baseUrl;
    private final ScheduledExecutorService thread;
    private final Map<String, IncidentTracker> trackers = new LinkedHashMap<>();
    private ScheduledFuture<?> timer;

    /**
     * @param wake called with a receiver name after notifications were written for it
     */
    public AlertDispatcher(AlertSections config, Outbox outbox, SilenceRegistry silences, Clock clock,
                           Consumer<String> wake) {
        AlertsConfig alerts = config.alertsOrNone();
        this.clock = clock;
        this.groupWait = alerts.groupWait() == null ? Duration.ofSeconds(30) : alerts.groupWait();
        this.repeatInterval = alerts.repeatInterval() == null ? Duration.ofHours(4) : alerts.repeatInterval();
        this.directory = new TargetDirectory(config.targets());
        this.router = new Router(alerts);
        this.silences = silences;
        this.maintenance = new MaintenanceCalendar(config.maintenance(), directory);
        this.outbox = outbox;
        this.wake = wake;
        this.receivers = Set.copyOf(alerts.receivers().keySet());
        String base = config.site() == null ? null : config.site().baseUrl();
        this.baseUrl = base == null ? null : base.replaceAll("/+$", "");
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "vigie-alerts-dispatcher");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true); // the timer is re-armed on every event
        this.thread = executor;
        silences.onChange(() -> submit(this::recheckAll));
    }

    @Override
    public void onIncidentEvent(IncidentEvent event, Incident state) {
        submit(() -> handle(event, state));
    }

    /** Evaluates everything that is due at the clock's current time; completes once done (tests, admin). */
    public CompletableFuture<Void> tick() {
        return submit(this::evaluate);
    }

    /** Raises an alert about Vigie itself (a receiver failing or gone), routed away from that receiver. */
    @Override
    public void raise(String key, String aboutReceiver, String message) {
        submit(() -> {
            Instant now = clock.instant();
            Alert a = new Alert(key, AlertKind.INTERNAL, null, 0, "internal", null, null, List.of(), List.of(),
                    now, null, now, null, message);
            List<String> receivers = router.internalReceivers(aboutReceiver);
            LOG.warn("internal alert key={} about={} receivers={}", key, aboutReceiver, receivers);
            enqueue(a, receivers);
        });
    }

    /**
     * Tells the crisis cell, ahead of a school morning, that a service risks saturating ({@link AlertKind#FORECAST}),
     * routed as a saturation of that service would be, silences included. Once per service and morning: the key
     * names both, so a restart or a second computation sends nothing new.
     *
     * @param headline    "risque élevé de saturation lundi 8:00"
     * @param evidence    the measured fact behind it
     * @param uncertainty the plain statement that it is a forecast, with its uncertainty
     */
    public CompletableFuture<Void> forecast(String target, java.time.LocalDate morning, String headline,
                                            String evidence, String uncertainty) {
        return submit(() -> {
            Instant now = clock.instant();
            String key = "forecast:" + target + "@" + morning;
            IncidentLabels labels = IncidentLabels.ofTarget(key, target, "saturation", directory);
            var silence = silences.muting(labels);
            if (silence.isPresent()) {
                LOG.info("forecast {} not notified: silenced by {}", key, silence.get().id());
                return;
            }
            List<String> evidenceLines = evidence == null ? List.of(headline) : List.of(headline, evidence);
            Alert a = new Alert(key, AlertKind.FORECAST, null, 0, "target:" + target, null, null,
                    List.of(directory.service(target)), evidenceLines, null, null, now, null, uncertainty);
            List<String> receivers = router.receiversFor(labels);
            LOG.info("forecast {} notify receivers={}: {}", key, receivers, headline);
            enqueue(a, receivers);
        });
    }

    private CompletableFuture<Void> submit(Runnable work) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (thread.isShutdown()) {
            done.completeExceptionally(new IllegalStateException("alert dispatcher closed"));
            return done;
        }
        thread.execute(() -> {
            try {
                work.run();
                done.complete(null);
            } catch (RuntimeException e) {
                LOG.error("alert dispatcher failure: {}", e.toString(), e);
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    private void handle(IncidentEvent event, Incident state) {
        Instant now = clock.instant();
        IncidentTracker t = trackers.computeIfAbsent(event.incidentId(), id -> restore(new IncidentTracker(state)));
        t.incident = state;
        t.lastSeq = Math.max(t.lastSeq, event.seq());
        LOG.debug("incident={} event seq={} type={} status={} cause={}", event.incidentId(), event.seq(), event.type(),
                state.status(), state.cause());
        if (MEANINGFUL.contains(event.type()) && t.dueAt == null) {
            t.dueAt = now.plus(groupWait);
        }
        if (event.type() == IncidentEvent.Type.RESOLVED && (t.isVantage() || t.isHosting())) {
            recheckAll(); // what it inhibited may now be told
        }
        evaluate();
    }

    /** After a restart, what receivers were already told of this incident comes back from the outbox. */
    private IncidentTracker restore(IncidentTracker t) {
        outbox.lastAlertOf(t.incident.id()).ifPresent(a -> {
            if (a.kind() != AlertKind.RESOLVED) {
                t.notified = true;
                t.notifiedStatus = a.status();
                t.notifiedCause = a.cause();
                t.notifiedCount = a.services().size();
                if (a.cause() != null) t.toldCauses.add(a.cause());
                t.lastSentAt = a.at();
                LOG.info("incident={} resumes: last notified {} at {}", t.incident.id(), a.kind(), a.at());
            }
        });
        return t;
    }

    private void recheckAll() {
        Instant now = clock.instant();
        for (IncidentTracker t : trackers.values()) {
            if (t.incident.open() && (t.dueAt == null || t.dueAt.isAfter(now.plus(groupWait)))) {
                t.dueAt = now.plus(groupWait);
            }
        }
        evaluate();
    }

    private void evaluate() {
        Instant now = clock.instant();
        for (IncidentTracker t : new ArrayList<>(trackers.values())) {
            Instant wakeAt = t.nextWake(repeatInterval);
            if (wakeAt != null && !wakeAt.isAfter(now)) {
                flush(t, now);
            }
        }
        trackers.values().removeIf(t -> !t.incident.open() && t.dueAt == null);
        rearm(now);
    }

    private void flush(IncidentTracker t, Instant now) {
        boolean changeDue = t.dueAt != null && !t.dueAt.isAfter(now);
        if (changeDue) t.dueAt = null;
        Incident inc = t.incident;
        AlertKind kind = kindOf(t, now);
        if (kind == null) return;
        if (kind != AlertKind.RESOLVED) {
            Optional<String> mutedBy = mutedBy(t, now);
            if (mutedBy.isPresent()) {
                LOG.info("incident={} not notified ({}): {}", inc.id(), kind, mutedBy.get());
                t.dueAt = now.plus(RECHECK.compareTo(groupWait) > 0 ? RECHECK : groupWait);
                if (kind == AlertKind.REMINDER) t.lastSentAt = now; // skip this reminder, keep the rhythm
                return;
            }
        }
        // a reminder is keyed by its time so that keys stay unique across restarts
        String key = inc.id() + "#" + t.lastSeq + (kind == AlertKind.REMINDER ? "#reminder@" + now.getEpochSecond() : "");
        Alert alert = alertOf(t, kind, key, now);
        List<String> receivers = t.isVantage() ? router.internalReceivers(null)
                : router.receiversFor(IncidentLabels.of(inc, directory));
        LOG.info("incident={} notify {} seq={} receivers={}", inc.id(), kind, t.lastSeq, receivers);
        enqueue(alert, receivers);
        t.told(now);
        if (kind == AlertKind.RESOLVED || (t.isVantage() && !inc.open())) t.dueAt = null;
    }

    /** What to say now, or null for nothing (unchanged, or resolved before anyone was told). */
    private AlertKind kindOf(IncidentTracker t, Instant now) {
        Incident inc = t.incident;
        if (!t.notified) {
            return inc.open() ? (t.isVantage() ? AlertKind.INTERNAL : AlertKind.OPENED) : null;
        }
        if (!inc.open()) return t.isVantage() ? AlertKind.INTERNAL : AlertKind.RESOLVED;
        if (t.isVantage()) return null; // one internal alert when it opens, one when it ends
        // A status change, a newly known cause (a flip back to a cause already told is not news) or a scope grown
        // materially (IncidentTracker.grewMaterially) is told; anything else waits for the reminder.
        if (inc.status() != t.notifiedStatus || t.hasNewCause() || t.grewMaterially()) return AlertKind.UPDATED;
        if (!t.lastSentAt.plus(repeatInterval).isAfter(now)) return AlertKind.REMINDER;
        return null;
    }

    /** Why this incident must not be told now: inhibited, silenced or under maintenance. */
    private Optional<String> mutedBy(IncidentTracker t, Instant now) {
        Incident inc = t.incident;
        if (!t.isVantage()) {
            for (IncidentTracker other : trackers.values()) {
                if (other == t || !other.incident.open()) continue;
                if (other.isVantage()) return Optional.of("inhibited by vantage incident " + other.incident.id());
                if (other.isHosting() && contains(other.incident, inc)) {
                    return Optional.of("inhibited by hosting incident " + other.incident.id());
                }
            }
        }
        var silence = silences.muting(IncidentLabels.of(inc, directory));
        if (silence.isPresent()) return Optional.of("silenced by " + silence.get().id());
        var window = maintenance.covering(inc, now);
        return window.map(w -> "maintenance window " + w.id());
    }

    /** True when a hosting-group incident covers a per-target incident. */
    private boolean contains(Incident hosting, Incident candidate) {
        String scope = candidate.scope();
        if (scope == null || !scope.startsWith("target:")) return false;
        String target = scope.substring("target:".length());
        String group = hosting.scope().substring("hosting:".length());
        return hosting.targets().contains(target) || group.equals(directory.hostingGroupOf(target));
    }

    private Alert alertOf(IncidentTracker t, AlertKind kind, String key, Instant now) {
        Incident inc = t.incident;
        List<ServiceRef> services = inc.targets().stream().map(directory::service).toList();
        List<String> evidence = inc.evidence().stream().map(Evidence::fr).toList();
        String message = latestMessage(inc);
        if (kind == AlertKind.INTERNAL) {
            message = inc.open()
                    ? "Les sondes de Vigie sont en difficulté (incident " + inc.id() + ") : les pannes vues en ce moment "
                    + "viennent probablement du point de mesure, pas des services. Les alertes de service sont "
                    + "suspendues jusqu'à son rétablissement."
                    : "Les sondes de Vigie fonctionnent de nouveau (incident " + inc.id() + " résolu) : les alertes "
                    + "de service reprennent.";
        }
        String link = baseUrl == null || !inc.isPublic() ? null : baseUrl + "/incidents/" + inc.id() + "/";
        return new Alert(key, kind, inc.id(), t.lastSeq, inc.scope(), inc.status(), inc.cause(), services, evidence,
                inc.openedAt(), inc.resolvedAt(), now, link, message);
    }

    private static String latestMessage(Incident inc) {
        String m = null;
        for (IncidentEvent e : inc.updates()) {
            if (e.message() != null && !e.message().isBlank()) m = e.message();
        }
        return m;
    }

    private void enqueue(Alert alert, List<String> receivers) {
        Instant now = clock.instant();
        for (String r : receivers) {
            if (!this.receivers.contains(r)) {
                LOG.warn("incident={} route names receiver={} which is not configured: skipped", alert.incident(), r);
                continue;
            }
            String id = NotificationId.of(alert.key(), r);
            if (outbox.enqueue(id, r, alert, now)) {
                wake.accept(r);
            } else {
                LOG.debug("notification={} receiver={} already in the outbox", id, r);
            }
        }
    }

    private void rearm(Instant now) {
        Instant next = null;
        for (IncidentTracker t : trackers.values()) {
            Instant w = t.nextWake(repeatInterval);
            if (w != null && (next == null || w.isBefore(next))) next = w;
        }
        if (timer != null) timer.cancel(false);
        timer = null;
        if (next != null && !thread.isShutdown()) {
            long delay = Math.max(Duration.between(now, next).toMillis(), 10);
            timer = thread.schedule(this::evaluate, delay, TimeUnit.MILLISECONDS);
        }
    }

    /** Open incidents the dispatcher is following (diagnostics). */
    public CompletableFuture<List<String>> tracked() {
        CompletableFuture<List<String>> out = new CompletableFuture<>();
        submit(() -> out.complete(List.copyOf(trackers.keySet())));
        return out;
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
