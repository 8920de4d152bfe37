package fr.vigie.app.ops;

import fr.vigie.aggregator.AggregatorListener;
import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.IncidentEvent;
import fr.vigie.aggregator.Verdict;
import fr.vigie.config.Journey;
import fr.vigie.config.Target;
import fr.vigie.config.VigieConfig;
import fr.vigie.probes.Outcome;
import fr.vigie.probes.StepResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Vigie's Prometheus metrics (listed in docs/operations.md). The modules expose small hooks (the event bus, the
 * aggregator listener, store and outbox counters, the regenerator's timing) and only this class binds them to the
 * registry. Label values are bounded: targets, steps and receivers come from the configuration, outcomes, statuses
 * and causes from enums; a value outside the configuration is reported as {@code other}.
 */
public final class VigieMetrics implements AggregatorListener {
    /** A round starting later than this after its scheduled time counts as late. */
    static final Duration LATE = Duration.ofSeconds(5);
    private static final Duration[] STEP_BUCKETS = seconds(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30);
    private static final Duration[] FAST_BUCKETS = seconds(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1,
            0.25, 0.5, 1, 5);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private volatile Labels labels = new Labels(Map.of(), java.util.Set.of());

    public VigieMetrics() {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    /** The configuration bounds the label values; called at start and after each reload. */
    public void configure(VigieConfig config) {
        labels = Labels.of(config);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }

    /** Content type of {@link #scrape()}. */
    public static String contentType() {
        return "text/plain; version=0.0.4; charset=utf-8";
    }

    /** One step result from the event bus. */
    public void onStepResult(StepResult r) {
        Labels l = labels;
        String target = l.target(r.target());
        String step = l.step(r.target(), r.step());
        String outcome = r.outcome() == null ? "other" : r.outcome().name().toLowerCase(java.util.Locale.ROOT);
        counter("vigie.step.results", "Step results by target, step and outcome",
                Tags.of("target", target, "step", step, "outcome", outcome)).increment();
        if (r.outcome() == Outcome.SKIPPED) {
            counter("vigie.rounds.skipped", "Rounds not run because the previous one was still running",
                    Tags.of("target", target)).increment();
            return;
        }
        if (r.totalMs() != null) {
            timer("vigie.step.duration", "Step duration, connect to last byte", STEP_BUCKETS,
                    Tags.of("target", target, "step", step)).record(millis(r.totalMs()));
        }
        phase(target, "dns", r.dnsMs());
        phase(target, "connect", r.connectMs());
        phase(target, "tls", r.tlsMs());
        phase(target, "ttfb", r.ttfbMs());
        if (l.isFirstStep(r.target(), r.step()) && r.scheduled() != null && r.ts() != null) {
            Duration delay = Duration.between(r.scheduled(), r.ts());
            timer("vigie.round.start.delay", "Delay between a round's scheduled time and its first step",
                    STEP_BUCKETS, Tags.of("target", target)).record(delay.isNegative() ? Duration.ZERO : delay);
            if (delay.compareTo(LATE) > 0) {
                counter("vigie.rounds.late", "Rounds whose first step started more than 5 s late",
                        Tags.of("target", target)).increment();
            }
        }
    }

    private void phase(String target, String phase, Double ms) {
        if (ms != null) {
            timer("vigie.step.phase", "Step phase durations (dns, connect, tls, ttfb)", STEP_BUCKETS,
                    Tags.of("target", target, "phase", phase)).record(millis(ms));
        }
    }

    @Override
    public void onVerdict(Verdict v) {
        counter("vigie.verdict.changes", "Verdict changes by target, new status and cause",
                Tags.of("target", labels.target(v.target()), "status", v.status().wire(), "cause", v.cause().wire()))
                .increment();
    }

    @Override
    public void onIncidentEvent(IncidentEvent event, Incident state) {
        counter("vigie.incident.events", "Incident log events by type",
                Tags.of("type", event.type().name().toLowerCase(java.util.Locale.ROOT))).increment();
    }

    /** A store operation took this long ({@code operation}: results, verdict, incident_event, flush). */
    public void storeWrite(String operation, Duration took) {
        timer("vigie.store.write", "Store write latency by operation", FAST_BUCKETS, Tags.of("operation", operation))
                .record(took);
    }

    /** A delivery attempt to a receiver ({@code result}: delivered, failed, dropped). */
    public void deliveryAttempt(String receiver, String result) {
        counter("vigie.alert.delivery.attempts", "Alert delivery attempts by receiver and result",
                Tags.of("channel", labels.receiver(receiver), "result", result)).increment();
    }

    /** Pushes to {@code site.mirrors}: files sent and deleted, failed pushes; labelled by the mirror's URL. */
    public fr.vigie.app.mirror.SiteMirrors.Listener mirrorListener() {
        return new fr.vigie.app.mirror.SiteMirrors.Listener() {
            @Override
            public void pushed(String mirror, int uploaded, int deleted) {
                counter("vigie.site.mirror.files", "Files sent to or deleted from a site mirror",
                        Tags.of("mirror", mirror, "operation", "put")).increment(uploaded);
                counter("vigie.site.mirror.files", "Files sent to or deleted from a site mirror",
                        Tags.of("mirror", mirror, "operation", "delete")).increment(deleted);
            }

            @Override
            public void failed(String mirror) {
                counter("vigie.site.mirror.failures", "Failed pushes to a site mirror (each retried after a back-off)",
                        Tags.of("mirror", mirror)).increment();
            }
        };
    }

    public void siteGenerated(Duration took) {
        timer("vigie.site.generation", "Time to regenerate the status site", STEP_BUCKETS, Tags.empty()).record(took);
    }

    /**
     * Gauges read at scrape time. Registered once per name: after a reload the supplier is swapped, not duplicated.
     */
    public void gauge(String name, String help, Supplier<Number> value) {
        gauges.computeIfAbsent(name, n -> {
            GaugeSource s = new GaugeSource();
            io.micrometer.core.instrument.Gauge.builder(n, s, GaugeSource::read).description(help)
                    .strongReference(true).register(registry);
            return s;
        }).value = value;
    }

    private final Map<String, GaugeSource> gauges = new ConcurrentHashMap<>();
    private final Map<String, TotalSource> totals = new ConcurrentHashMap<>();

    /**
     * A counter read at scrape time from a part's own count (the store's losses, the aggregator queue's drops). After
     * a reload the new part counts from zero: what the old one counted is carried over, so the counter never goes
     * down.
     */
    public void total(String name, String help, Tags tags, java.util.function.LongSupplier value) {
        totals.computeIfAbsent(name + tags, k -> {
            TotalSource s = new TotalSource();
            io.micrometer.core.instrument.FunctionCounter.builder(name, s, TotalSource::read).description(help)
                    .tags(tags).register(registry);
            return s;
        }).rebind(value);
    }

    private static final class TotalSource {
        private long carried;
        private java.util.function.LongSupplier value = () -> 0;

        synchronized void rebind(java.util.function.LongSupplier next) {
            carried += value.getAsLong();
            value = next;
        }

        synchronized double read() {
            return carried + value.getAsLong();
        }
    }

    private static final class GaugeSource {
        volatile Supplier<Number> value = () -> 0;

        double read() {
            try {
                return value.get().doubleValue();
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        }
    }

    private Counter counter(String name, String help, Tags tags) {
        return counters.computeIfAbsent(name + tags, k -> Counter.builder(name).description(help).tags(tags)
                .register(registry));
    }

    private Timer timer(String name, String help, Duration[] buckets, Tags tags) {
        return timers.computeIfAbsent(name + tags, k -> Timer.builder(name).description(help).tags(tags)
                .serviceLevelObjectives(buckets).register(registry));
    }

    private static Duration millis(double ms) {
        return Duration.ofNanos((long) (ms * 1_000_000));
    }

    private static Duration[] seconds(double... s) {
        Duration[] d = new Duration[s.length];
        for (int i = 0; i < s.length; i++) {
            d[i] = Duration.ofNanos((long) (s[i] * 1e9));
        }
        return d;
    }

    /** The label values the configuration allows. */
    private record Labels(Map<String, Journey> journeys, java.util.Set<String> receivers) {
        static Labels of(VigieConfig config) {
            Map<String, Journey> j = new java.util.HashMap<>();
            for (Target t : config.targets()) {
                Journey journey = config.journeyOf(t);
                if (journey != null) {
                    j.put(t.id(), journey);
                }
            }
            java.util.Set<String> r = config.alerts() == null ? java.util.Set.of()
                    : java.util.Set.copyOf(config.alerts().receivers().keySet());
            return new Labels(Map.copyOf(j), r);
        }

        String target(String id) {
            return journeys.containsKey(id) ? id : "other";
        }

        String step(String target, String step) {
            Journey j = journeys.get(target);
            return j != null && j.steps().stream().anyMatch(s -> s.name().equals(step)) ? step : "other";
        }

        boolean isFirstStep(String target, String step) {
            Journey j = journeys.get(target);
            return j != null && !j.steps().isEmpty() && j.steps().get(0).name().equals(step);
        }

        String receiver(String name) {
            return receivers.contains(name) ? name : "other";
        }
    }
}
