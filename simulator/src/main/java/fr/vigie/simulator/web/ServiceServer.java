package fr.vigie.simulator.web;

import fr.vigie.simulator.Flavour;
import fr.vigie.simulator.ServiceSpec;
import fr.vigie.simulator.model.HostResources;
import fr.vigie.simulator.model.WorkKind;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Random;

/**
 * One simulated service: its port (in one of the {@link ListenerMode}s), and a gate in front of the flavour routes
 * that counts requests, applies the current {@link HttpEffects} and makes each request queue for the host's
 * resources. Must be used from the fleet's event-loop context.
 */
public final class ServiceServer {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceServer.class);

    private final Vertx vertx;
    private final ServiceSpec spec;
    private final HostResources host;
    private final FlavourRoutes routes;
    private final Router router;
    private final Random random;
    private HttpEffects effects = HttpEffects.NONE;
    private ListenerMode mode;
    private HttpServer http;
    private Resetter resetter;
    private static final int OPEN_ATTEMPTS = 5;
    private static final long REBIND_PAUSE_MS = 100;

    private Blackhole blackhole;
    private Future<Void> switching = Future.succeededFuture();
    private volatile long requests;

    public ServiceServer(Vertx vertx, ServiceSpec spec, HostResources host, Sessions fleetTickets, long seed) {
        this.vertx = vertx;
        this.spec = spec;
        this.host = host;
        this.random = new Random(seed);
        Account account = new Account(spec.username(), spec.password());
        this.routes = switch (spec.flavour()) {
            case OPEN_ENT_NG -> new OpenEntNgRoutes(account, title(spec));
            case CAS -> new CasRoutes(account, title(spec), fleetTickets);
            case CNED -> new CnedRoutes(account, "CNED - Ma classe à la maison");
            case EDUCONNECT -> new EduConnectRoutes(account, "ÉduConnect");
            case CONTROL -> new ControlRoutes(account, "Vigie control");
        };
        this.router = Router.router(vertx);
        BodyHandler bodies = BodyHandler.create(false).setBodyLimit(1 << 20);
        // BodyHandler refuses to decode forms of GET requests: only bodies of writes are read.
        router.route().handler(ctx -> {
            if (ctx.request().method() == HttpMethod.GET || ctx.request().method() == HttpMethod.HEAD) {
                ctx.next();
            } else {
                bodies.handle(ctx);
            }
        });
        router.route().handler(this::gate);
        routes.mount(router);
    }

    private static String title(ServiceSpec spec) {
        return "ENT " + spec.id();
    }

    /** Opens the port in LISTENING mode. */
    public Future<Void> start() {
        return switchTo(ListenerMode.LISTENING);
    }

    /** Sets what faults do to HTTP answers from the next request on. */
    public void setEffects(HttpEffects effects) {
        this.effects = effects;
    }

    /** Moves the port to a mode; switches are serialised so a pulse never races its predecessor. */
    public Future<Void> switchTo(ListenerMode target) {
        switching = switching.transform(ignored -> target == mode ? Future.succeededFuture()
                : closeCurrent().compose(v -> openRetrying(target, OPEN_ATTEMPTS)).onSuccess(v -> {
                    LOG.info("target={} listener {} -> {}", spec.id(), mode, target);
                    mode = target;
                }).onFailure(e -> {
                    // The old holder is closed: the port now refuses. Saying so lets the next switch reopen it.
                    mode = ListenerMode.REFUSED;
                    LOG.warn("target={} cannot switch listener to {}: {}", spec.id(), target, e.toString());
                }));
        return switching;
    }

    /** The kernel may still hold the port an instant after a close: retry the bind a few times. */
    private Future<Void> openRetrying(ListenerMode target, int attempts) {
        return open(target).recover(e -> attempts <= 1 ? Future.failedFuture(e)
                : vertx.timer(REBIND_PAUSE_MS).compose(t -> openRetrying(target, attempts - 1)));
    }

    /** Closes whatever holds the port. */
    public Future<Void> stop() {
        switching = switching.transform(ignored -> closeCurrent().onSuccess(v -> mode = ListenerMode.REFUSED));
        return switching;
    }

    private Future<Void> open(ListenerMode target) {
        return switch (target) {
            case LISTENING -> vertx.createHttpServer().requestHandler(router).listen(spec.port(), spec.bindHost())
                    .onSuccess(s -> http = s).mapEmpty();
            case REFUSED -> Future.succeededFuture();
            case RESET -> vertx.executeBlocking(() -> Resetter.open(spec.bindHost(), spec.port()))
                    .onSuccess(r -> resetter = r).mapEmpty();
            case BLACKHOLE -> vertx.executeBlocking(() -> Blackhole.open(spec.bindHost(), spec.port()))
                    .onSuccess(b -> blackhole = b).mapEmpty();
        };
    }

    private Future<Void> closeCurrent() {
        if (http != null) {
            HttpServer s = http;
            http = null;
            return s.close();
        }
        if (resetter != null) {
            Resetter r = resetter;
            resetter = null;
            return vertx.executeBlocking(() -> {
                r.close();
                return null;
            });
        }
        if (blackhole != null) {
            Blackhole b = blackhole;
            blackhole = null;
            return vertx.executeBlocking(() -> {
                b.close();
                return null;
            });
        }
        return Future.succeededFuture();
    }

    private void gate(RoutingContext ctx) {
        requests++;
        HttpEffects now = effects;
        String method = ctx.request().method().name();
        String path = ctx.request().path();
        WorkKind kind = classify(method, path);
        boolean loginPage = routes.isLoginPage(method, path);
        if (now.maintenance()) {
            ctx.response().putHeader("Retry-After", "3600");
            FlavourRoutes.html(ctx, 503, FaultPages.maintenance());
            return;
        }
        if (now.challenge()) {
            ctx.response().putHeader("cf-mitigated", "challenge");
            FlavourRoutes.html(ctx, 403, FaultPages.challenge());
            return;
        }
        if (now.application() == HttpEffects.ApplicationFailure.ERROR_500 && kind != WorkKind.STATIC) {
            FlavourRoutes.html(ctx, 500, FaultPages.applicationError());
            return;
        }
        if (now.application() == HttpEffects.ApplicationFailure.BROKEN_FORM
            && (loginPage || routes.isLoginSubmit(method, path))) {
            FlavourRoutes.html(ctx, 200, routes.brokenLoginPage());
            return;
        }
        if (loginPage && routes instanceof OpenEntNgRoutes ent && overAdmissionLimit()) {
            int position = host.workerQueue();
            int wait = (int) Math.max(30, Math.ceil(position / host.capacity().pagesPerSecond() / 30.0) * 30);
            FlavourRoutes.html(ctx, 200, ent.waitingPage(position, wait));
            return;
        }
        if (kind != WorkKind.STATIC && host.workerQueue() >= 2 * host.capacity().maxQueue()) {
            FlavourRoutes.html(ctx, 503, FaultPages.overloaded());
            return;
        }
        if (now.storage() != HttpEffects.StorageFailure.NONE) {
            if (kind == WorkKind.WRITE) {
                host.serve(WorkKind.LOGIN).onComplete(r -> storageError(ctx, now.storage()));
                return;
            }
            if (kind == WorkKind.PAGE && !loginPage && random.nextDouble() < now.hangProbability()) {
                vertx.setTimer(Math.max(1, now.hangMillis()), id -> storageError(ctx, HttpEffects.StorageFailure.IO_ERROR));
                return;
            }
        }
        host.serve(kind).onComplete(r -> {
            if (!ctx.response().closed()) {
                ctx.next();
            }
        });
    }

    private boolean overAdmissionLimit() {
        int limit = host.capacity().admissionQueue();
        return limit > 0 && host.workerQueue() > limit;
    }

    private static void storageError(RoutingContext ctx, HttpEffects.StorageFailure failure) {
        if (ctx.response().closed()) {
            return;
        }
        boolean full = failure == HttpEffects.StorageFailure.DISK_FULL;
        ctx.response().setStatusCode(full ? 507 : 500).putHeader("Content-Type", "application/json")
                .end(full ? FaultPages.diskFull() : FaultPages.ioError());
    }

    private WorkKind classify(String method, String path) {
        if (spec.flavour() == Flavour.CONTROL || path.endsWith(".css") || path.endsWith(".js")
            || path.endsWith(".svg") || path.endsWith(".png") || path.endsWith(".ico")) {
            return WorkKind.STATIC;
        }
        if (routes.isLoginSubmit(method, path)) {
            return WorkKind.LOGIN;
        }
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return WorkKind.WRITE;
        }
        if (path.contains("/api/") || path.startsWith("/auth/oauth2/") || path.equals("/auth/context")) {
            return WorkKind.API;
        }
        return WorkKind.PAGE;
    }

    public ServiceSpec spec() {
        return spec;
    }

    /** Requests that reached HTTP (connections refused, reset or stuck in a backlog never count). */
    public long requestCount() {
        return requests;
    }

    public ListenerMode mode() {
        return mode;
    }
}
