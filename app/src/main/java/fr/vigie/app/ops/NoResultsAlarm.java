package fr.vigie.app.ops;

import fr.vigie.alerts.delivery.InternalAlarm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Tells the operator when probing has stopped: no result stored for {@code alerts.admin.stale-after} logs an ERROR
 * and raises an internal alert to the default receivers, once per stall; a line says when results come back.
 */
public final class NoResultsAlarm implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NoResultsAlarm.class);

    private final Readiness readiness;
    private final InternalAlarm alarm;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vigie-no-results-alarm");
        t.setDaemon(true);
        return t;
    });
    private boolean raised;

    public NoResultsAlarm(Readiness readiness, InternalAlarm alarm, Duration checkEvery) {
        this.readiness = readiness;
        this.alarm = alarm;
        thread.scheduleWithFixedDelay(this::check, checkEvery.toMillis(), checkEvery.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Whether the alarm is currently raised. */
    public synchronized boolean raised() {
        return raised;
    }

    synchronized void check() {
        try {
            boolean stale = readiness.stale();
            if (stale && !raised) {
                raised = true;
                Instant last = readiness.lastStored();
                long minutes = readiness.sinceLastResult().toMinutes();
                LOG.error("no step result stored for {} min (alerts.admin.stale-after {}): probing or storage has "
                        + "stopped", minutes, readiness.staleAfter());
                // One key per stall: a later stall is told again, a repeated check of this one is not.
                alarm.raise("vigie-no-results-" + (last == null ? "start" : last.toEpochMilli()), null,
                        "Vigie n'a enregistré aucun résultat de sonde depuis " + minutes + " min"
                                + (last == null ? " (depuis son démarrage)" : " (dernier : " + last + ")")
                                + " : la supervision est probablement arrêtée. Vérifier le processus, "
                                + "le stockage et les journaux.");
            } else if (!stale && raised) {
                raised = false;
                LOG.info("step results are stored again");
            }
        } catch (RuntimeException e) {
            LOG.error("no-results alarm check failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
