package fr.vigie.simulator.fast;

import fr.vigie.simulator.Flavour;
import fr.vigie.simulator.faults.FaultEffects;
import fr.vigie.simulator.faults.FaultType;
import fr.vigie.simulator.faults.GroundTruthRecord;
import fr.vigie.simulator.model.LoadCurve;
import fr.vigie.simulator.model.WorkKind;
import fr.vigie.simulator.scenario.Scenario;
import fr.vigie.simulator.scenario.ScenarioEvent;
import fr.vigie.simulator.web.HttpEffects;
import fr.vigie.simulator.web.ListenerMode;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.UUID;

/**
 * Runs a scenario on a simulated clock: hosts evolve in 100 ms steps (fluid queues fed by the same load curves),
 * every target is probed every interval by its journey's steps, each step's outcome and timings computed from the
 * host's queue and the faults holding at that instant ({@link FaultEffects}, the live fleet's rule). Writes the trace
 * (docs/trace-format.md) and the ground truth (docs/simulator.md). No real waiting: an hour runs in about a second.
 */
public final class FastRun {
    private static final double DT = 0.1;
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final List<FastTarget> targets;
    private final FastOptions options;

    /** What a run wrote. */
    public record Summary(int traceLines, int truthLines, int rounds) {
    }

    public FastRun(List<FastTarget> targets, FastOptions options) {
        this.targets = List.copyOf(targets);
        this.options = options;
    }

    public Summary run(Scenario scenario, Instant start, Writer trace, Writer truth) throws IOException {
        Map<String, FluidHost> hosts = new LinkedHashMap<>();
        for (FastTarget t : targets) {
            hosts.computeIfAbsent(t.hostingGroup(), g -> new FluidHost(t.capacity()));
        }
        Random random = new Random(options.seed());
        double length = scenario.duration();
        double interval = options.interval().toMillis() / 1000.0;
        PriorityQueue<double[]> due = new PriorityQueue<>(Comparator.comparingDouble(a -> a[0]));
        for (int i = 0; i < targets.size(); i++) {
            double offset = Math.floorMod(targets.get(i).id().hashCode(), 1000) / 1000.0 * interval;
            due.add(new double[] {offset, i});
        }
        int lines = 0;
        int rounds = 0;
        double clock = 0;
        while (!due.isEmpty() && due.peek()[0] < length) {
            double[] next = due.poll();
            while (clock + DT <= next[0]) {
                clock += DT;
                advanceHosts(hosts, scenario, clock);
            }
            FastTarget target = targets.get((int) next[1]);
            lines += probe(target, hosts.get(target.hostingGroup()), scenario, start, next[0], random, trace);
            rounds++;
            due.add(new double[] {next[0] + interval, next[1]});
        }
        int truthLines = writeTruth(scenario, start, truth);
        trace.flush();
        truth.flush();
        return new Summary(lines, truthLines, rounds);
    }

    private void advanceHosts(Map<String, FluidHost> hosts, Scenario scenario, double t) {
        hosts.forEach((group, host) -> {
            double load = options.baselineLoad();
            double held = 0;
            for (ScenarioEvent e : scenario.events()) {
                if (t < e.at() || t >= e.at() + e.duration()) {
                    continue;
                }
                double fraction = (t - e.at()) / e.duration();
                if ((e.isRush() || "flash_crowd".equals(e.type())) && touchesGroup(e, group)) {
                    load += (e.intensity() == null ? 2.0 : e.intensity()) * LoadCurve.rush(fraction);
                } else if ("attack".equals(e.type()) && touchesGroup(e, group) && isOn(e, t)
                           && "slow".equals(variantAt(e, t))) {
                    held += Math.min(1.0, e.intensity() == null ? 1.0 : e.intensity());
                }
            }
            host.advance(DT, load, Math.min(1.0, held));
        });
    }

    private boolean touchesGroup(ScenarioEvent e, String group) {
        if (e.targets().isEmpty()) {
            return group.equals(e.hostingGroup());
        }
        return targets.stream().anyMatch(t -> e.targets().contains(t.id()) && t.hostingGroup().equals(group));
    }

    private boolean covers(ScenarioEvent e, FastTarget target) {
        return e.targets().isEmpty() ? target.hostingGroup().equals(e.hostingGroup()) : e.targets().contains(target.id());
    }

    private static boolean isOn(ScenarioEvent e, double t) {
        if (e.pulseOn() == null || e.pulseOff() == null || e.pulseOn() <= 0 || e.pulseOff() <= 0) {
            return true;
        }
        return (t - e.at()) % (e.pulseOn() + e.pulseOff()) < e.pulseOn();
    }

    private static String variantAt(ScenarioEvent e, double t) {
        String variant = e.toRequest().variant();
        int phase = 0;
        if (e.pulseOn() != null && e.pulseOff() != null && e.pulseOn() > 0 && e.pulseOff() > 0) {
            phase = (int) Math.floor((t - e.at()) / (e.pulseOn() + e.pulseOff()));
        }
        return FaultEffects.variantInPhase(FaultType.fromWire(e.type()), variant, phase);
    }

    private FaultEffects.Combined effectsAt(FastTarget target, Scenario scenario, double t) {
        List<FaultEffects.Holding> holding = new ArrayList<>();
        for (ScenarioEvent e : scenario.events()) {
            if (!e.isRush() && t >= e.at() && t < e.at() + e.duration() && covers(e, target) && isOn(e, t)) {
                holding.add(new FaultEffects.Holding(FaultType.fromWire(e.type()), variantAt(e, t),
                        e.toRequest().intensity()));
            }
        }
        return FaultEffects.combine(holding);
    }

    /** Walks one journey at time t; steps after a failed one are written as skipped. Returns lines written. */
    private int probe(FastTarget target, FluidHost host, Scenario scenario, Instant start, double t, Random random,
                      Writer trace) throws IOException {
        String run = new UUID(random.nextLong(), random.nextLong()).toString();
        Instant scheduled = at(start, t);
        double now = t;
        boolean aborted = false;
        int lines = 0;
        for (JourneyShape.Step step : JourneyShape.of(target)) {
            JsonObject line = new JsonObject().put("ts", TS.format(at(start, now))).put("scheduled", TS.format(scheduled))
                    .put("target", target.id()).put("vantage", options.vantage()).put("journey", target.journey())
                    .put("run", run).put("step", step.name()).put("kind", step.kind());
            if (aborted) {
                line.put("outcome", "skipped").putNull("status").putNull("signature").putNull("dns_ms")
                        .putNull("connect_ms").putNull("tls_ms").putNull("ttfb_ms").putNull("total_ms").put("bytes", 0)
                        .put("maintenance", false).put("detail", "journey aborted earlier");
            } else {
                double totalMs = outcome(target, host, step, effectsAt(target, scenario, now), random, line);
                aborted = !"ok".equals(line.getString("outcome"));
                now += totalMs / 1000.0;
            }
            trace.write(line.encode());
            trace.write('\n');
            lines++;
        }
        return lines;
    }

    /** Fills the outcome fields of one step and returns its total time in ms. */
    private double outcome(FastTarget target, FluidHost host, JourneyShape.Step step, FaultEffects.Combined effects,
                           Random random, JsonObject line) {
        line.putNull("dns_ms").putNull("tls_ms").put("maintenance", false);
        if (effects.nameGone()) {
            // the resolver's NXDOMAIN comes back in a few ms; nothing is connected (dns_ms is null on failure)
            return fail(line, "dns_failure", null, null, null, 1 + 3 * random.nextDouble(),
                    "no such name (NXDOMAIN)");
        }
        double connect = 0.1 + 0.2 * random.nextDouble();
        ListenerMode mode = effects.mode();
        if (mode == ListenerMode.REFUSED) {
            return fail(line, "connect_refused", null, null, null, connect, "Connection refused");
        }
        if (mode == ListenerMode.BLACKHOLE) {
            double timeout = options.connectTimeout().toMillis();
            line.put("outcome", "connect_timeout").putNull("status").putNull("signature").putNull("connect_ms")
                    .putNull("ttfb_ms").put("total_ms", timeout).put("bytes", 0).put("detail", "connect timed out");
            return timeout;
        }
        line.put("connect_ms", round(connect));
        if (mode == ListenerMode.RESET) {
            return fail(line, "reset", null, null, null, connect + 0.2, "Connection reset by peer");
        }
        HttpEffects http = effects.http();
        double fast = connect + 2 + 3 * random.nextDouble();
        if (http.maintenance()) {
            return fail(line, "signature", 503, "maintenance", 700L, fast, "503 maintenance programmée");
        }
        if (http.challenge()) {
            return fail(line, "signature", 403, "waf_challenge", 900L, fast, "403 anti-DDoS challenge");
        }
        if (http.application() == HttpEffects.ApplicationFailure.ERROR_500 && step.cost() != WorkKind.STATIC) {
            return fail(line, "signature", 500, "app_error", 600L, fast, "500 java.lang.NullPointerException");
        }
        if (http.application() == HttpEffects.ApplicationFailure.BROKEN_FORM
            && (step.loginPage() || "login".equals(step.name()))) {
            return fail(line, "assertion_failed", 200, null, 3_000L, fast, "expected selector not found");
        }
        if (step.loginPage() && target.flavour() == Flavour.OPEN_ENT_NG && host.capacity().admissionQueue() > 0
            && host.queue() > host.capacity().admissionQueue()) {
            int position = (int) Math.round(host.queue());
            int wait = (int) Math.max(30, Math.ceil(position / host.pagesPerSecond() / 30.0) * 30);
            line.put("queue_position", position).put("queue_wait_s", wait);
            return fail(line, "signature", 200, "waiting_room", 4_000L, fast, "Vous êtes très nombreux aujourd'hui");
        }
        double service = serviceMs(step.cost(), host) * (0.8 + 0.4 * random.nextDouble());
        double waitMs = step.cost() == WorkKind.STATIC ? 0
                : host.waitSeconds() * 1000 * (0.7 + 0.6 * random.nextDouble());
        if (http.storage() != HttpEffects.StorageFailure.NONE) {
            if (step.cost() == WorkKind.WRITE) {
                boolean full = http.storage() == HttpEffects.StorageFailure.DISK_FULL;
                return fail(line, "signature", full ? 507 : 500, full ? "disk_full" : "io_error", 110L,
                        connect + waitMs + serviceMs(WorkKind.LOGIN, host),
                        full ? "No space left on device" : "Input/output error");
            }
            if (step.cost() == WorkKind.PAGE && !step.loginPage() && random.nextDouble() < http.hangProbability()) {
                waitMs += http.hangMillis();
            }
        }
        double ttfb = 0.3 + service + waitMs;
        double stepTimeout = options.stepTimeout().toMillis();
        if (connect + ttfb > stepTimeout) {
            line.put("outcome", "response_timeout").putNull("status").putNull("signature").putNull("ttfb_ms")
                    .put("total_ms", stepTimeout).put("bytes", 0).put("detail", "no response within the step deadline");
            return stepTimeout;
        }
        double total = connect + ttfb + step.bytes() / 50_000.0;
        line.put("outcome", "ok").put("status", okStatus(target, step)).putNull("signature").put("ttfb_ms", round(ttfb))
                .put("total_ms", round(total)).put("bytes", step.bytes());
        return total;
    }

    private static double fail(JsonObject line, String outcome, Integer status, String signature, Long bytes,
                               double totalMs, String detail) {
        line.put("outcome", outcome).put("status", status).put("signature", signature);
        if (!line.containsKey("connect_ms")) {
            line.putNull("connect_ms");
        }
        line.put("ttfb_ms", status == null ? null : round(totalMs * 0.9)).put("total_ms", round(totalMs))
                .put("bytes", bytes == null ? 0 : bytes).put("detail", detail);
        return totalMs;
    }

    private static double serviceMs(WorkKind kind, FluidHost host) {
        var c = host.capacity();
        long cpu = c.cpu().toMillis();
        long db = c.dbQuery().toMillis();
        return switch (kind) {
            case STATIC -> 1;
            case PAGE -> cpu + 2 * db;
            case LOGIN -> cpu + db;
            case API -> Math.max(1, cpu / 4) + db;
            case WRITE -> cpu + db + c.storageWrite().toMillis();
        };
    }

    private static int okStatus(FastTarget target, JourneyShape.Step step) {
        boolean redirects = target.flavour() == Flavour.OPEN_ENT_NG || target.flavour() == Flavour.CNED;
        if (redirects && ("login".equals(step.name()) || "logout".equals(step.name()))) {
            return 302;
        }
        return "write".equals(step.kind()) ? 201 : 200;
    }

    private int writeTruth(Scenario scenario, Instant start, Writer truth) throws IOException {
        int lines = 0;
        int index = 0;
        for (ScenarioEvent e : scenario.events()) {
            index++;
            if (e.isRush()) {
                continue;
            }
            var request = e.toRequest();
            for (FastTarget t : targets) {
                if (covers(e, t)) {
                    GroundTruthRecord record = new GroundTruthRecord(t.id(), request.type().wire(),
                            request.type().cause(), start.plus(e.start()), start.plus(e.end()), "e" + index,
                            request.variant(), request.intensity());
                    truth.write(record.toJson().encode());
                    truth.write('\n');
                    lines++;
                }
            }
        }
        return lines;
    }

    private static Instant at(Instant start, double seconds) {
        return start.plusNanos(Math.round(seconds * 1e9));
    }

    private static double round(double ms) {
        return Math.round(ms * 100) / 100.0;
    }
}
