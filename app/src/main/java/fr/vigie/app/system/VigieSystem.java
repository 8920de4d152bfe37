package fr.vigie.app.system;

import fr.vigie.aggregator.Aggregator;
import fr.vigie.aggregator.AggregatorListener;
import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.SnapshotSource;
import fr.vigie.aggregator.StatusSnapshot;
import fr.vigie.aggregator.store.Store;
import fr.vigie.aggregator.store.Stores;
import fr.vigie.alerts.AlertService;
import fr.vigie.alerts.delivery.DeliverySettings;
import fr.vigie.app.admin.AdminApi;
import fr.vigie.app.admin.HostPort;
import fr.vigie.app.mirror.SiteMirrors;
import fr.vigie.app.ops.ControlWatch;
import fr.vigie.app.ops.EventLoopWatch;
import fr.vigie.app.ops.NoResultsAlarm;
import fr.vigie.app.ops.Readiness;
import fr.vigie.app.ops.TimedStore;
import fr.vigie.app.ops.VigieMetrics;
import fr.vigie.config.StorageConfig;
import fr.vigie.config.VigieConfig;
import fr.vigie.probes.StepResult;
import fr.vigie.statuspage.SiteGenerator;
import fr.vigie.statuspage.SiteRegenerator;
import fr.vigie.statuspage.server.StatusSiteServer;
import fr.vigie.subscriptions.SubscriptionService;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The running system: store, aggregator, alerts, status site and its server, admin API and probes, wired in the
 * order data flows and stopped in reverse. Step results arrive on the event bus and are handed to one aggregator
 * thread, so the event loops never block on the store and results are judged in order.
 */
public final class VigieSystem implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VigieSystem.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    /** On stop, journeys in flight may finish for this long (each step is bounded by probing.step-timeout). */
    public static final Duration STOP_GRACE = Duration.ofSeconds(20);
    /** An event loop whose tasks wait longer than this counts as blocked (readiness). */
    private static final Duration LOOP_BLOCKED = Duration.ofSeconds(5);

    private final Vertx vertx;
    private final Store store;
    private final Aggregator aggregator;
    private final AlertService alerts;
    private final SiteRegenerator regenerator;
    private final SiteMirrors mirrors;
    private final StatusSiteServer siteServer;
    private final Optional<HttpServer> adminServer;
    private final ExecutorService aggregatorThread;
    private final MessageConsumer<StepResult> consumer;
    private final Probes probes;
    private final SystemRole role;
    private OpsParts ops = OpsParts.NONE;
    /** the e-mail subscriptions, when configured and started */
    private Optional<SubscriptionService> subscriptions = Optional.empty();

    /** The parts watching the system itself (health, alarm), stopped with it. */
    private record OpsParts(EventLoopWatch loops, NoResultsAlarm alarm, Readiness readiness, AtomicLong received,
                            fr.vigie.app.ops.CalendarWatch calendar, ForecastJob forecast) {
        static final OpsParts NONE = new OpsParts(null, null, null, new AtomicLong(), null, null);
    }

    private VigieSystem(Vertx vertx, Store store, Aggregator aggregator, AlertService alerts,
                        SiteRegenerator regenerator, SiteMirrors mirrors, StatusSiteServer siteServer,
                        Optional<HttpServer> adminServer, ExecutorService aggregatorThread,
                        MessageConsumer<StepResult> consumer, Probes probes, SystemRole role) {
        this.role = role;
        this.vertx = vertx;
        this.store = store;
        this.aggregator = aggregator;
        this.alerts = alerts;
        this.regenerator = regenerator;
        this.mirrors = mirrors;
        this.siteServer = siteServer;
        this.adminServer = adminServer;
        this.aggregatorThread = aggregatorThread;
        this.consumer = consumer;
        this.probes = probes;
    }

    /**
     * Starts everything; blocks until every listener is bound (call from a plain thread, not an event loop).
     *
     * @param extraListeners told of verdicts and incident events too (the demo prints them)
     */
    public static VigieSystem start(Vertx vertx, VigieConfig config, Optional<Path> record, Clock clock,
                                    AggregatorListener... extraListeners) throws Exception {
        return start(vertx, config, record, clock, new VigieMetrics(), null, SystemRole.SINGLE, extraListeners);
    }

    /** As above, in a {@link SystemRole}: a controller of a cluster renders and alerts only while leader. */
    public static VigieSystem start(Vertx vertx, VigieConfig config, Optional<Path> record, Clock clock,
                                    SystemRole role, AggregatorListener... extraListeners) throws Exception {
        return start(vertx, config, record, clock, new VigieMetrics(), null, role, extraListeners);
    }

    /**
     * As above, single process, reporting to {@code metrics} (kept across reloads) and offering {@code reloader} on
     * the admin API.
     */
    public static VigieSystem start(Vertx vertx, VigieConfig config, Optional<Path> record, Clock clock,
                                    VigieMetrics metrics, AdminApi.Reloader reloader,
                                    AggregatorListener... extraListeners) throws Exception {
        return start(vertx, config, record, clock, metrics, reloader, SystemRole.SINGLE, extraListeners);
    }

    /** Everything: metrics, reloader and role. */
    public static VigieSystem start(Vertx vertx, VigieConfig config, Optional<Path> record, Clock clock,
                                    VigieMetrics metrics, AdminApi.Reloader reloader, SystemRole role,
                                    AggregatorListener... extraListeners) throws Exception {
        metrics.configure(config);
        Store store = new TimedStore(Stores.open(config.storage()), metrics);
        Aggregator aggregator = new Aggregator(Sections.aggregator(config), store);
        AlertService alerts = AlertService.start(Sections.alerts(config), outboxFile(config.storage()), clock,
                DeliverySettings.defaults(), role.claims());
        alerts.outbox().onAttempt(metrics::deliveryAttempt);
        aggregator.addListener(metrics);
        aggregator.addListener(alerts.listener());
        resumeOpenIncidents(aggregator, alerts.listener());
        for (AggregatorListener l : extraListeners) {
            aggregator.addListener(l);
        }

        // site.mirrors: pushed after each regeneration, which only the leader (or the single process) runs
        SiteMirrors mirrors = SiteMirrors.start(config, metrics.mirrorListener());
        metrics.gauge("vigie.site.mirrors.failing", "Site mirrors whose last push failed", mirrors::failing);

        Path siteOut = config.site().output();
        Files.createDirectories(siteOut.toAbsolutePath().getParent());
        // The first generation is synchronous, so the server never starts on an empty folder. It has no incident
        // reports: their PDFs take a while to render the first time, so they come with the regenerator's first run,
        // on its own thread, from the store.
        SnapshotSource snapshots = withVantages(aggregator.snapshots(), role);
        new SiteGenerator(Sections.site(config)).generate(snapshots.snapshot(clock.instant()), siteOut);
        SiteGenerator generator = SiteGenerator.withReports(Sections.site(config), store);
        AtomicReference<StatusSiteServer> server = new AtomicReference<>();
        SiteRegenerator regenerator = new SiteRegenerator(generator, snapshots, siteOut,
                clock, () -> {
                    StatusSiteServer s = server.get();
                    if (s != null) {
                        s.reload();
                    }
                    mirrors.siteChanged(); // returns at once: each mirror pushes on its own thread
                });
        regenerator.onGenerated(metrics::siteGenerated);
        // the headroom forecast: computed hourly from the store, shown on the page, told the day before
        ForecastJob forecast = new ForecastJob(config, store, alerts.dispatcher(), regenerator::request, clock);
        boolean forecasting = config.forecast().enabled(); // forecast.enabled: false: no page, no alert
        if (forecasting) {
            generator.withForecasts(forecast::latest);
        }
        HostPort listen = HostPort.parse(config.site().listen());
        server.set(await(StatusSiteServer.start(vertx, siteOut, listen.host(), listen.port())));
        role.whenLeader(() -> { // only the leader re-renders the site and sends alerts
            regenerator.start(Duration.ofMinutes(1));
            aggregator.addListener(regenerator);
            regenerator.request();
            alerts.resumeDelivery();
            if (forecasting) {
                forecast.start();
            }
        });
        LOG.info("status page on http://{}:{}/", listen.host(), server.get().port());
        Optional<SubscriptionService> subscriptions = startSubscriptions(vertx, config, clock);
        subscriptions.ifPresent(s -> role.whenLeader(() -> aggregator.addListener(s.listener())));

        EventLoopWatch loops = new EventLoopWatch(vertx, LOOP_BLOCKED);
        Readiness readiness = new Readiness(store, loops, Clock.systemUTC(), config.alerts().admin().staleAfter());
        fr.vigie.app.ops.CalendarWatch calendarWatch = new fr.vigie.app.ops.CalendarWatch(
                fr.vigie.config.calendar.SchoolCalendar.of(config), config.site().timeZone(),
                config.schoolCalendar().warnDays(), clock).start();
        readiness.watchCalendar(calendarWatch);
        ControlWatch controls = new ControlWatch(config.targets(), aggregator.current());
        aggregator.addListener(controls);
        readiness.watchControls(controls);
        Duration staleAfter = config.alerts().admin().staleAfter();
        NoResultsAlarm alarm = new NoResultsAlarm(readiness, alerts.dispatcher(),
                staleAfter.dividedBy(2).compareTo(Duration.ofSeconds(30)) < 0 ? staleAfter.dividedBy(2)
                        : Duration.ofSeconds(30));
        AtomicLong received = new AtomicLong();
        bindGauges(metrics, store, alerts, readiness);
        Optional<HttpServer> admin = await(AdminApi.start(vertx, config.alerts().admin().listen(),
                config.alerts().admin().token(), aggregator, alerts.silences(),
                new AdminApi.Ops(readiness, metrics::scrape, reloader)));

        AggregatorQueue queue = new AggregatorQueue(AggregatorQueue.DEFAULT_CAPACITY);
        metrics.total("vigie.aggregator.dropped.results", "Step results dropped because the aggregator queue was full",
                io.micrometer.core.instrument.Tags.empty(), queue::dropped);
        ExecutorService aggregatorThread = queue.executor();
        // a controller's results go through the vantages' vote first (SystemRole.intake), on the same thread
        java.util.function.Consumer<StepResult> intake = role.intake(r -> {
            if (accept(aggregator, r)) {
                readiness.resultStored();
            }
        }, aggregatorThread);
        MessageConsumer<StepResult> consumer = role.resultConsumer(vertx, msg -> queue.submit(() -> {
            received.incrementAndGet();
            metrics.onStepResult(msg.body());
            intake.accept(msg.body());
        }));
        await(consumer.completion());

        Probes probes = role.probesHere() ? Probes.start(vertx, config, record) : null;
        VigieSystem system = new VigieSystem(vertx, store, aggregator, alerts, regenerator, mirrors, server.get(),
                admin, aggregatorThread, consumer, probes, role);
        system.ops = new OpsParts(loops, alarm, readiness, received, calendarWatch, forecast);
        system.subscriptions = subscriptions;
        return system;
    }

    /** Gauges read at scrape time; after a reload they read the new system's parts. */
    private static void bindGauges(VigieMetrics metrics, Store store, AlertService alerts, Readiness readiness) {
        metrics.gauge("vigie.store.backlog.items", "Items appended but not yet written by the store", store::backlog);
        String shed = "Items the store shed because its pending-write queue was full";
        metrics.total("vigie.store.shed.items", shed, io.micrometer.core.instrument.Tags.of("kind", "result"),
                () -> store.losses().shedResults());
        metrics.total("vigie.store.shed.items", shed, io.micrometer.core.instrument.Tags.of("kind", "verdict"),
                () -> store.losses().shedVerdicts());
        metrics.total("vigie.store.shed.items", shed, io.micrometer.core.instrument.Tags.of("kind", "incident_event"),
                () -> store.losses().shedIncidentEvents());
        metrics.total("vigie.store.quarantined.items", "Rows the store rejected, set aside in its quarantine file",
                io.micrometer.core.instrument.Tags.empty(), () -> store.losses().quarantined());
        metrics.gauge("vigie.store.spool.bytes", "Bytes waiting in the local spool for InfluxDB", store::spoolBytes);
        metrics.gauge("vigie.store.writable", "1 while the store's last write succeeded",
                () -> store.writable() ? 1 : 0);
        metrics.gauge("vigie.alerts.outbox.pending", "Notifications waiting in the outbox",
                () -> alerts.outbox().pendingCount());
        metrics.gauge("vigie.last.result.age.seconds", "Seconds since the last stored step result",
                () -> readiness.sinceLastResult().toMillis() / 1000.0);
        metrics.gauge("vigie.ready", "1 while /readyz answers ready", () -> readiness.ready() ? 1 : 0);
    }

    /**
     * Alerts keep no list of open incidents; after a restart they learn them here, so that vantage and hosting-group
     * inhibition holds from the first minute and an incident never told is told. What receivers were already told
     * comes back from the outbox, whose stable ids keep this from sending anything twice.
     */
    static void resumeOpenIncidents(Aggregator aggregator, AggregatorListener alerts) {
        for (Incident incident : aggregator.incidents()) {
            if (incident.open() && !incident.updates().isEmpty()) {
                alerts.onIncidentEvent(incident.updates().get(incident.updates().size() - 1), incident);
            }
        }
    }

    private static boolean accept(Aggregator aggregator, StepResult result) {
        try {
            aggregator.accept(result);
            return true;
        } catch (RuntimeException e) {
            // One bad result must not stop the aggregation of the others.
            LOG.error("could not aggregate a result of {}: {}", result.target(), e.toString(), e);
            return false;
        }
    }

    /**
     * The subscription endpoint and mailer, when the configuration has a {@code subscriptions} section. A failure
     * to start them (port taken, file unreadable) is logged and the rest runs: the status page never depends on
     * subscriptions.
     */
    private static Optional<SubscriptionService> startSubscriptions(Vertx vertx, VigieConfig config, Clock clock) {
        if (config.subscriptionSettings().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(await(SubscriptionService.start(vertx, Sections.subscriptions(config),
                    config.storage().dataFolder(), clock)));
        } catch (Exception e) {
            LOG.error("e-mail subscriptions not started, the status page runs without them: {}", e.toString());
            return Optional.empty();
        }
    }

    /** The e-mail subscriptions, when configured and running. */
    public Optional<SubscriptionService> subscriptions() {
        return subscriptions;
    }

    /** The alert outbox lives beside the store. */
    static Path outboxFile(StorageConfig storage) {
        return storage.dataFolder().resolve("alerts-outbox.db");
    }

    public Aggregator aggregator() {
        return aggregator;
    }

    public int sitePort() {
        return siteServer.port();
    }

    public Optional<Integer> adminPort() {
        return adminServer.map(HttpServer::actualPort);
    }

    /** What /readyz answers. */
    public Readiness readiness() {
        return ops.readiness();
    }

    /**
     * Stops probing first (journeys in flight finish, up to {@link #STOP_GRACE}), waits until the aggregator
     * received every result published, lets it finish, then stops the rest; the store and outbox are flushed
     * and closed last.
     */
    @Override
    public void close() {
        if (probes != null) {
            safely("probes", () -> probes.close(STOP_GRACE));
            safely("results in transit", this::awaitPublishedReceived);
        }
        safely("event-bus consumer", () -> await(consumer.unregister()));
        safely("role", role::close);
        aggregatorThread.shutdown();
        safely("aggregator", () -> aggregatorThread.awaitTermination(30, TimeUnit.SECONDS));
        safely("site regenerator", regenerator::close);
        safely("site mirrors", mirrors::close);
        safely("status site server", () -> await(siteServer.close()));
        adminServer.ifPresent(s -> safely("admin API", () -> await(s.close())));
        if (ops.alarm() != null) {
            ops.alarm().close();
            ops.loops().close();
            ops.calendar().close();
            ops.forecast().close();
        }
        subscriptions.ifPresent(s -> safely("subscriptions", s::close));
        safely("alerts", alerts::close);
        safely("store", store::close);
    }

    /** Event-bus delivery is asynchronous: results published just before the stop may still be on their way. */
    private void awaitPublishedReceived() throws InterruptedException {
        long published = probes.published();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (ops.received().get() < published && System.nanoTime() < deadline) {
            Thread.sleep(10); // polling a counter with a deadline; nothing to wait on in the event bus API
        }
        if (ops.received().get() < published) {
            LOG.error("{} results published but only {} received before stopping", published, ops.received().get());
        }
    }

    private static void safely(String what, ThrowingRunnable r) {
        try {
            r.run();
        } catch (Exception e) {
            LOG.warn("while stopping {}: {}", what, e.toString());
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    static <T> T await(io.vertx.core.Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** A controller's snapshots carry its vantage report, for the about page and the JSON. */
    private static SnapshotSource withVantages(SnapshotSource base, SystemRole role) {
        return now -> {
            StatusSnapshot snapshot = base.snapshot(now);
            var report = role.vantageReport();
            return report == null ? snapshot : snapshot.withVantageReport(report);
        };
    }
}
