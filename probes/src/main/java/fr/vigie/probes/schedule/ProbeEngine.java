package fr.vigie.probes.schedule;

import fr.vigie.config.CalendarConfig;
import fr.vigie.config.Journey;
import fr.vigie.config.ScheduleConfig;
import fr.vigie.config.StorageConfig;
import fr.vigie.config.Step;
import fr.vigie.config.Target;
import fr.vigie.config.calendar.SchoolCalendar;
import fr.vigie.config.schedule.FireTimes;
import fr.vigie.probes.Outcome;
import fr.vigie.probes.ProbeSections;
import fr.vigie.probes.StepResult;
import fr.vigie.probes.run.JourneyRunner;
import fr.vigie.probes.run.LoginBackoff;
import fr.vigie.probes.run.RateLimiter;
import fr.vigie.probes.run.RoundInfo;
import fr.vigie.probes.run.RunnerSettings;
import fr.vigie.probes.trace.BackgroundTraceWriter;
import fr.vigie.probes.trace.TraceWriter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The probing engine: Quartz (RAM job store, its own small thread pool) fires each target's rounds per its
 * {@link ScheduleConfig} (cron in the site's time zone, or a fixed interval); each round starts at a fixed
 * per-target offset within the interval; at most one journey per target is in flight (an overrun is published
 * as one {@code skipped} result, never queued); results carry the scheduled time, are marked
 * {@code maintenance} inside declared windows, are published on the event bus at {@link StepResult#ADDRESS}
 * and, when a record file is given, appended to a JSON-Lines trace.
 */
public final class ProbeEngine {
    private static final Logger LOG = LoggerFactory.getLogger(ProbeEngine.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final Vertx vertx;
    private final ProbeSections config;
    private final JourneyRunner runner;
    private final BackgroundTraceWriter trace;
    private final Map<String, Target> targets = new LinkedHashMap<>();
    private final Map<String, FireTimes> fireTimes = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastFire = new ConcurrentHashMap<>();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private Scheduler scheduler;
    private volatile boolean stopped;
    private volatile boolean draining;
    private final java.util.concurrent.atomic.AtomicLong published = new java.util.concurrent.atomic.AtomicLong();

    private ProbeEngine(Vertx vertx, ProbeSections config, JourneyRunner runner, BackgroundTraceWriter trace) {
        this.vertx = vertx;
        this.config = config;
        this.runner = runner;
        this.trace = trace;
    }

    /** Starts probing every target of {@code config}; {@code record} is the trace file to append to, if any. */
    public static Future<ProbeEngine> start(Vertx vertx, ProbeSections config, Optional<Path> record) {
        return start(vertx, config, record, RunnerSettings.from(config));
    }

    /** As {@link #start(Vertx, ProbeSections, Optional)}, with explicit runner settings (tests, benchmarks). */
    public static Future<ProbeEngine> start(Vertx vertx, ProbeSections config, Optional<Path> record,
                                            RunnerSettings settings) {
        StepResultCodec.registerOn(vertx.eventBus());
        return vertx.executeBlocking(() -> {
            // opened here, on a worker; written from the event loop through its own thread
            BackgroundTraceWriter trace = record.isPresent()
                    ? new BackgroundTraceWriter(TraceWriter.append(record.get())) : null;
            JourneyRunner runner = new JourneyRunner(vertx, settings,
                    new RateLimiter(vertx, settings.probing().maxRequestsPerSecond()),
                    loginBackoff(settings.probing().loginBackoff(), config.storage()));
            ProbeEngine engine = new ProbeEngine(vertx, config, runner, trace);
            engine.schedule();
            return engine;
        });
    }

    /**
     * Kept beside the store (the SQLite file's folder, or the InfluxDB spool folder) so that pauses survive
     * restarts; in memory only when there is no storage path (configs built by hand).
     */
    public static LoginBackoff loginBackoff(Duration pause, StorageConfig storage) {
        if (storage == null || storage.path() == null) {
            return new LoginBackoff(pause);
        }
        return LoginBackoff.persistent(pause, Clock.systemUTC(),
                storage.dataFolder().resolve("login-backoff.properties"));
    }

    /**
     * Stops firing rounds, then closes the HTTP clients and the trace and waits for the login back-off file.
     * Journeys in flight are cut, unreported.
     */
    public Future<Void> stop() {
        stopped = true;
        return vertx.executeBlocking(() -> {
            scheduler.shutdown(false);
            return null;
        }).compose(v -> runner.close()).compose(v -> vertx.executeBlocking(() -> {
            if (trace != null) {
                trace.close();
            }
            // a rejection just recorded must survive this stop, or the restart would retry the password
            if (!runner.loginBackoff().saved(Duration.ofSeconds(5))) {
                LOG.warn("login back-off file not written within 5 s of stopping");
            }
            return null;
        })).mapEmpty();
    }

    /**
     * Graceful stop: no round starts any more, journeys in flight finish and report (up to {@code grace}), then
     * as {@link #stop()}. Whatever a journey still running at the bound would report is cut, unreported.
     */
    public Future<Void> stop(Duration grace) {
        draining = true;
        long deadline = System.nanoTime() + grace.toNanos();
        io.vertx.core.Promise<Void> drained = io.vertx.core.Promise.promise();
        vertx.executeBlocking(() -> {
            scheduler.standby(); // no Quartz firing while journeys finish
            return null;
        }).onComplete(ar -> awaitDrained(deadline, drained));
        return drained.future().compose(v -> {
            if (!inFlight.isEmpty()) {
                LOG.warn("stopping with {} journeys still running after {}: {}", inFlight.size(), grace, inFlight);
            }
            return stop();
        });
    }

    private void awaitDrained(long deadline, io.vertx.core.Promise<Void> drained) {
        if (inFlight.isEmpty() || System.nanoTime() >= deadline) {
            drained.tryComplete();
        } else {
            vertx.setTimer(50, id -> awaitDrained(deadline, drained));
        }
    }

    /** Step results published so far (the system waits until it received as many before closing the store). */
    public long published() {
        return published.get();
    }

    /** Targets currently running a journey. */
    public Set<String> inFlight() {
        return Set.copyOf(inFlight);
    }

    private void schedule() throws SchedulerException {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", "vigie-probes-" + INSTANCES.incrementAndGet());
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        p.setProperty("org.quartz.threadPool.threadCount", "2");
        p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "2000");
        scheduler = new StdSchedulerFactory(p).getScheduler();
        scheduler.getContext().put(RoundJob.ENGINE, this);
        ZoneId zone = config.site() != null && config.site().timeZone() != null
                ? config.site().timeZone() : ZoneId.of("Europe/Paris");
        for (Target t : config.targets()) {
            ScheduleConfig s = config.schedules().get(t.schedule());
            Journey j = config.journeyOf(t);
            if (s == null || j == null || j.steps().isEmpty()) {
                LOG.error("target={} not probed: unknown {} {}", t.id(), s == null ? "schedule" : "journey",
                        s == null ? t.schedule() : t.journey());
                continue;
            }
            try {
                fireTimes.put(t.id(), fireTimesOf(t, s));
                scheduler.scheduleJob(job(t), triggers(t, s, zone), false);
                targets.put(t.id(), t);
            } catch (RuntimeException e) {
                LOG.error("target={} not probed: bad schedule {}: {}", t.id(), s.name(), e.getMessage());
            }
        }
        scheduler.start();
        LOG.info("probing {} targets", targets.size());
    }

    /** As {@link FireTimes#of}, from the probes' sections: the school calendar is read per target (it is cached). */
    private FireTimes fireTimesOf(Target t, ScheduleConfig schedule) {
        CalendarConfig calendar = schedule.calendar() == null ? null : config.calendars().get(schedule.calendar());
        return new FireTimes(schedule, config.site().timeZone(), calendar, t.holidayZone(),
                SchoolCalendar.withFile(config.schoolCalendar().holidaysFile()));
    }

    private static JobDetail job(Target t) {
        return JobBuilder.newJob(RoundJob.class).withIdentity(t.id(), "targets")
                .usingJobData(RoundJob.TARGET, t.id()).build();
    }

    /**
     * One cron trigger per expression (the schedule fires whenever any fires), or one repeating trigger
     * aligned on multiples of the interval since the epoch, like {@link FireTimes}. Calendars and school
     * days are applied when a trigger fires, by {@link FireTimes#isActiveOn}.
     */
    private static Set<Trigger> triggers(Target t, ScheduleConfig s, ZoneId zone) {
        Set<Trigger> triggers = new HashSet<>();
        List<String> crons = s.cronExpressions();
        for (int i = 0; i < crons.size(); i++) {
            triggers.add(TriggerBuilder.newTrigger().withIdentity(t.id() + "#" + i, "targets").startNow()
                    .withSchedule(CronScheduleBuilder.cronSchedule(crons.get(i)).inTimeZone(TimeZone.getTimeZone(zone))
                            .withMisfireHandlingInstructionDoNothing()).build());
        }
        if (crons.isEmpty()) {
            long step = s.every().toMillis();
            long first = Math.floorDiv(System.currentTimeMillis(), step) * step + step;
            triggers.add(TriggerBuilder.newTrigger().withIdentity(t.id(), "targets").startAt(new Date(first))
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(step)
                            .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount()).build());
        }
        return triggers;
    }

    /**
     * Called by Quartz at a round's base time. Several expressions firing at the same instant make one round;
     * closed days are skipped; the round itself starts at the target's offset within the gap to the next firing.
     */
    void fire(String targetId, Instant fireTime) {
        Target t = targets.get(targetId);
        FireTimes times = fireTimes.get(targetId);
        if (t == null || stopped || draining || fireTime.equals(lastFire.put(targetId, fireTime))) {
            return;
        }
        ZoneId zone = config.site() != null && config.site().timeZone() != null
                ? config.site().timeZone() : ZoneId.of("Europe/Paris");
        if (!times.isActiveOn(fireTime.atZone(zone).toLocalDate())) {
            return;
        }
        Duration gap = times.nextAfter(fireTime).map(next -> Duration.between(fireTime, next))
                .orElse(Duration.ofMinutes(1));
        Instant scheduled = fireTime.plusMillis(RoundSpread.offsetMillis(targetId, gap));
        startAt(t, scheduled);
    }

    /**
     * Starts the round at its scheduled instant, never before: a timer's delay is whole milliseconds and its clock
     * is not the wall clock, so it can fire a fraction early; a round then waits out the rest.
     */
    private void startAt(Target t, Instant scheduled) {
        long wait = millisUntil(Instant.now(), scheduled);
        if (wait == 0) {
            startRound(t, scheduled);
        } else {
            vertx.setTimer(wait, id -> startAt(t, scheduled));
        }
    }

    /** Whole milliseconds to wait, rounded up (a timer rounded down starts the round early); 0 when due. */
    static long millisUntil(Instant now, Instant at) {
        long nanosLeft = Duration.between(now, at).toNanos();
        return nanosLeft <= 0 ? 0 : (nanosLeft + 999_999) / 1_000_000;
    }

    private void startRound(Target t, Instant scheduled) {
        if (stopped || draining) {
            return;
        }
        Journey journey = config.journeyOf(t);
        boolean maintenance = config.maintenance().stream()
                .anyMatch(w -> w.covers(t.id(), t.hostingGroup(), scheduled));
        if (!inFlight.add(t.id())) {
            Step first = journey.steps().get(0);
            // expected while a target is slow, and recorded as a `skipped` result: information, not a warning
            LOG.info("target={} round of {} skipped: previous round still running", t.id(), scheduled);
            publish(new StepResult(Instant.now(), scheduled, t.id(), config.vantage() == null ? null
                    : config.vantage().id(), journey.name(), java.util.UUID.randomUUID().toString(), first.name(),
                    first.kind(), Outcome.SKIPPED,
                    null, null, null, null, null, null, null, 0, maintenance, null, null,
                    "previous round still running"));
            return;
        }
        runner.run(t, journey, RoundInfo.of(scheduled, maintenance), this::publish)
                .onComplete(ar -> inFlight.remove(t.id()));
    }

    private void publish(StepResult r) {
        if (stopped) {
            return; // journeys cut by stop() would only report our own shutdown
        }
        vertx.eventBus().publish(StepResult.ADDRESS, r);
        published.incrementAndGet();
        if (trace != null) {
            trace.write(r); // never blocks the event loop: the file is written on the trace's own thread
        }
    }
}
