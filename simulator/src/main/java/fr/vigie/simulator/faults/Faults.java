package fr.vigie.simulator.faults;

import fr.vigie.simulator.dns.DnsFault;
import fr.vigie.simulator.dns.SimulatedDns;
import fr.vigie.simulator.model.BackgroundLoad;
import fr.vigie.simulator.model.HostResources;
import fr.vigie.simulator.model.LoadCurve;
import fr.vigie.simulator.web.ServiceServer;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Injects and clears faults on a running fleet, from any thread; every change runs on the fleet's event-loop context.
 * Each cleared fault appends one ground-truth line per target. A fault that removes names (hosting_outage, variant
 * dns) makes the fleet's DNS server answer NXDOMAIN for its targets' names while it holds, and heals them after.
 */
public final class Faults {
    private static final Logger LOG = LoggerFactory.getLogger(Faults.class);
    private static final long RAMP_NANOS_WITHOUT_DURATION = 30_000_000_000L;

    private final Vertx vertx;
    private final Context context;
    private final Map<String, ServiceServer> servers;
    private final Map<String, HostResources> hosts;
    private final Map<String, BackgroundLoad> loads;
    private final GroundTruthWriter writer;
    private final InstantSource clock;
    private final Map<String, ActiveFault> active = new LinkedHashMap<>();
    private final List<GroundTruthRecord> history = new CopyOnWriteArrayList<>();
    private volatile List<FaultView> snapshot = List.of();
    private int counter;
    /** the fleet's DNS server, null when no service is named */
    private final SimulatedDns dns;
    /** per target: whether the faults holding on it now remove its name (event-loop only) */
    private final Map<String, Boolean> nameGone = new HashMap<>();
    /** names this class made answer NXDOMAIN (event-loop writes; read by stats) */
    private final Set<String> namesGone = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public Faults(Vertx vertx, Context context, Map<String, ServiceServer> servers, Map<String, HostResources> hosts,
                  Map<String, BackgroundLoad> loads, Path groundTruth, InstantSource clock) {
        this(vertx, context, servers, hosts, loads, groundTruth, clock, null);
    }

    /** @param dns the fleet's DNS server answering the services' names, or null when none is named */
    public Faults(Vertx vertx, Context context, Map<String, ServiceServer> servers, Map<String, HostResources> hosts,
                  Map<String, BackgroundLoad> loads, Path groundTruth, InstantSource clock, SimulatedDns dns) {
        this.dns = dns;
        this.vertx = vertx;
        this.context = context;
        this.servers = servers;
        this.hosts = hosts;
        this.loads = loads;
        this.writer = new GroundTruthWriter(vertx, groundTruth);
        this.clock = clock;
    }

    /** Starts a fault; the future gives its id once every listener has switched. */
    public Future<String> inject(FaultRequest request) {
        return onContext(() -> begin(request));
    }

    /** Clears a fault and writes its ground truth; fails with NoSuchElementException for an unknown id. */
    public Future<Void> clear(String id) {
        return onContext(() -> end(id));
    }

    /** Clears every active fault (used on close so every segment gets its end). */
    public Future<Void> clearAll() {
        return onContext(() -> {
            List<Future<Void>> all = new ArrayList<>();
            for (String id : List.copyOf(active.keySet())) {
                all.add(end(id));
            }
            return Future.all(all).mapEmpty();
        });
    }

    /** The active faults, as of the last change. */
    public List<FaultView> active() {
        return snapshot;
    }

    /** The service names that answer NXDOMAIN now because of a fault. */
    public Set<String> namesGone() {
        return Set.copyOf(namesGone);
    }

    /** Every segment written so far (the ground truth of this run). */
    public List<GroundTruthRecord> history() {
        return List.copyOf(history);
    }

    private Future<String> begin(FaultRequest request) {
        List<String> targets = resolve(request);
        if (request.removesNames()) {
            for (String t : targets) {
                requireName(t);
            }
        }
        ActiveFault fault = new ActiveFault("f" + (++counter), request, targets, clock.instant(), System.nanoTime());
        active.put(fault.id, fault);
        if (request.type() == FaultType.FLASH_CROWD) {
            for (String group : groupsOf(targets)) {
                fault.undo.add(loads.get(group).addCrowd(() -> request.intensity() * rushFactor(fault)));
            }
        }
        if (request.duration() != null) {
            fault.endTimer = vertx.setTimer(Math.max(1, request.duration().toMillis()), t -> end(fault.id));
        }
        if (request.pulsed()) {
            schedulePulse(fault);
        }
        applyPhase(fault);
        refreshSnapshot();
        LOG.info("fault={} type={} variant={} intensity={} targets={} started", fault.id, request.type().wire(),
                request.variant(), request.intensity(), targets);
        return reconcile(targets).map(fault.id);
    }

    private Future<Void> end(String id) {
        ActiveFault fault = active.remove(id);
        if (fault == null) {
            return Future.failedFuture(new NoSuchElementException("no active fault " + id));
        }
        vertx.cancelTimer(fault.endTimer);
        vertx.cancelTimer(fault.pulseTimer);
        fault.releaseHolds();
        fault.undo.forEach(Runnable::run);
        Instant end = clock.instant();
        List<Future<Void>> writes = new ArrayList<>();
        for (String target : fault.targets) {
            GroundTruthRecord record = new GroundTruthRecord(target, fault.request.type().wire(),
                    fault.request.type().cause(), fault.start, end, fault.id, fault.request.variant(),
                    fault.request.intensity());
            history.add(record);
            writes.add(writer.append(record));
        }
        refreshSnapshot();
        LOG.info("fault={} type={} targets={} ended", id, fault.request.type().wire(), fault.targets);
        writes.add(reconcile(fault.targets));
        return Future.all(writes).mapEmpty();
    }

    private List<String> resolve(FaultRequest request) {
        List<String> targets = new ArrayList<>();
        if (!request.targets().isEmpty()) {
            for (String t : request.targets()) {
                if (!servers.containsKey(t)) {
                    throw new IllegalArgumentException("unknown target '" + t + "'");
                }
                targets.add(t);
            }
        } else {
            servers.forEach((id, server) -> {
                if (server.spec().hostingGroup().equals(request.hostingGroup())) {
                    targets.add(id);
                }
            });
            if (targets.isEmpty()) {
                throw new IllegalArgumentException("no service in hosting group '" + request.hostingGroup() + "'");
            }
        }
        return targets;
    }

    /** A DNS outage needs a name to remove: refuse it on a service addressed by an IP literal. */
    private void requireName(String target) {
        var spec = servers.get(target).spec();
        if (spec.name().isEmpty() || dns == null) {
            throw new IllegalArgumentException("target '" + target + "' is addressed by the IP literal " + spec.host()
                                               + ": a dns outage needs services addressed by a name under .test");
        }
    }

    private Set<String> groupsOf(List<String> targets) {
        Set<String> groups = new LinkedHashSet<>();
        targets.forEach(t -> groups.add(servers.get(t).spec().hostingGroup()));
        return groups;
    }

    private double rushFactor(ActiveFault fault) {
        long elapsed = System.nanoTime() - fault.startNanos;
        if (fault.request.duration() == null) {
            return Math.min(1.0, (double) elapsed / RAMP_NANOS_WITHOUT_DURATION);
        }
        return LoadCurve.rush((double) elapsed / fault.request.duration().toNanos());
    }

    private void schedulePulse(ActiveFault fault) {
        long delay = (fault.phaseOn ? fault.request.pulseOn() : fault.request.pulseOff()).toMillis();
        fault.pulseTimer = vertx.setTimer(Math.max(1, delay), t -> {
            fault.phaseOn = !fault.phaseOn;
            if (fault.phaseOn) {
                fault.phase++;
            }
            LOG.info("fault={} pulse {} variant={}", fault.id, fault.phaseOn ? "on" : "off", fault.variantNow());
            applyPhase(fault);
            refreshSnapshot();
            reconcile(fault.targets);
            schedulePulse(fault);
        });
    }

    /** Slow connections: while an attack phase is on, hold a share of each attacked host's workers. */
    private void applyPhase(ActiveFault fault) {
        fault.releaseHolds();
        if (fault.request.type() != FaultType.ATTACK || !fault.phaseOn || !"slow".equals(fault.variantNow())) {
            return;
        }
        for (String group : groupsOf(fault.targets)) {
            HostResources host = hosts.get(group);
            int n = (int) Math.ceil(Math.min(1.0, fault.request.intensity()) * host.capacity().workers());
            for (int i = 0; i < n; i++) {
                fault.holds.add(host.holdWorker());
            }
        }
    }

    private Future<Void> reconcile(List<String> targets) {
        List<Future<Void>> switches = new ArrayList<>();
        for (String target : targets) {
            List<FaultEffects.Holding> holding = new ArrayList<>();
            for (ActiveFault f : active.values()) {
                if (f.targets.contains(target) && f.phaseOn) {
                    holding.add(new FaultEffects.Holding(f.request.type(), f.variantNow(), f.request.intensity()));
                }
            }
            FaultEffects.Combined combined = FaultEffects.combine(holding);
            ServiceServer server = servers.get(target);
            server.setEffects(combined.http());
            nameGone.put(target, combined.nameGone());
            switches.add(server.switchTo(combined.mode()));
        }
        syncNames();
        return Future.all(switches).mapEmpty();
    }

    /**
     * Makes the DNS server agree with the faults: a name answers NXDOMAIN while the faults of any service it
     * addresses remove it. Only names this class failed are healed (a fault set on the server directly stays).
     */
    private void syncNames() {
        if (dns == null) {
            return;
        }
        Set<String> gone = new LinkedHashSet<>();
        nameGone.forEach((target, isGone) -> {
            if (isGone) {
                servers.get(target).spec().name().ifPresent(gone::add);
            }
        });
        for (String name : gone) {
            if (namesGone.add(name)) {
                dns.fail(name, DnsFault.NXDOMAIN);
                LOG.info("name={} removed from DNS (NXDOMAIN)", name);
            }
        }
        for (Iterator<String> it = namesGone.iterator(); it.hasNext(); ) {
            String name = it.next();
            if (!gone.contains(name)) {
                dns.heal(name);
                it.remove();
                LOG.info("name={} back in DNS", name);
            }
        }
    }

    private void refreshSnapshot() {
        List<FaultView> views = new ArrayList<>();
        active.values().forEach(f -> views.add(new FaultView(f.id, f.request.type(), f.targets, f.start,
                f.variantNow(), f.request.intensity(), f.phaseOn)));
        snapshot = List.copyOf(views);
    }

    private <T> Future<T> onContext(Supplier<Future<T>> action) {
        Promise<T> promise = Promise.promise();
        context.runOnContext(v -> {
            try {
                action.get().onComplete(promise);
            } catch (RuntimeException e) {
                promise.fail(e);
            }
        });
        return promise.future();
    }

    /** The mutable state of one active fault (event-loop only). */
    private static final class ActiveFault {
        final String id;
        final FaultRequest request;
        final List<String> targets;
        final Instant start;
        final long startNanos;
        final List<Runnable> undo = new ArrayList<>();
        final List<Future<Runnable>> holds = new ArrayList<>();
        boolean phaseOn = true;
        int phase;
        long endTimer = -1;
        long pulseTimer = -1;

        ActiveFault(String id, FaultRequest request, List<String> targets, Instant start, long startNanos) {
            this.id = id;
            this.request = request;
            this.targets = List.copyOf(targets);
            this.start = start;
            this.startNanos = startNanos;
        }

        String variantNow() {
            return FaultEffects.variantInPhase(request.type(), request.variant(), phase);
        }

        void releaseHolds() {
            holds.forEach(h -> h.onSuccess(Runnable::run));
            holds.clear();
        }
    }
}
