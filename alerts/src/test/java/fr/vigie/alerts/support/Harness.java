package fr.vigie.alerts.support;

import fr.vigie.alerts.AlertSections;
import fr.vigie.alerts.AlertService;
import fr.vigie.alerts.content.AlertKind;
import fr.vigie.alerts.delivery.DeliverySettings;
import fr.vigie.alerts.outbox.OutboxEntry;
import fr.vigie.config.AlertsConfig;
import fr.vigie.config.MaintenanceWindow;
import fr.vigie.config.Secret;
import io.vertx.core.Vertx;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A running alerts service on a controllable clock with real local receivers, and a script to drive it. */
public final class Harness implements AutoCloseable {
    public static final Instant T0 = Instant.parse("2026-03-16T07:55:00Z");
    public static final String WHSEC = "whsec_" + Base64.getEncoder().encodeToString("vigie-test-signing-key-1".getBytes());

    public final Vertx vertx = Vertx.vertx();
    public final MutableClock clock = new MutableClock(T0);
    public final Receiver crise;
    public final Receiver slack;
    public final AlertService service;
    public final IncidentScript script;

    private Harness(List<AlertsConfig.Route> routes, List<MaintenanceWindow> maintenance, Path dir,
                    DeliverySettings settings) throws Exception {
        this(routes, maintenance, dir, settings, fr.vigie.alerts.delivery.DeliveryClaims.ALONE);
    }

    private Harness(List<AlertsConfig.Route> routes, List<MaintenanceWindow> maintenance, Path dir,
                    DeliverySettings settings, fr.vigie.alerts.delivery.DeliveryClaims claims) throws Exception {
        crise = Receiver.ok(vertx);
        slack = Receiver.ok(vertx);
        Map<String, AlertsConfig.Receiver> receivers = Map.of(
                "crise", webhook("crise", crise.url("/hooks/vigie")),
                "slack-idf", new AlertsConfig.Receiver("slack-idf", "slack",
                        Secret.of("env:SLACK_URL", slack.url("/services/T000/B000/XXXX")), null, null, null, null, null));
        AlertSections config = TestConfigs.config(TestConfigs.alerts(receivers, routes, List.of("crise")), maintenance);
        service = AlertService.start(config, dir.resolve("outbox.db"), clock, settings, claims);
        script = new IncidentScript(service.listener(), clock);
    }

    public static Harness start(Path dir) throws Exception {
        return new Harness(List.of(), List.of(), dir, fastDelivery());
    }

    public static Harness start(Path dir, List<AlertsConfig.Route> routes, List<MaintenanceWindow> maintenance)
            throws Exception {
        return new Harness(routes, maintenance, dir, fastDelivery());
    }

    public static Harness start(Path dir, List<AlertsConfig.Route> routes, DeliverySettings settings) throws Exception {
        return new Harness(routes, List.of(), dir, settings);
    }

    /** A controller of a cluster: delivers only while {@code claims} allow it. */
    public static Harness start(Path dir, fr.vigie.alerts.delivery.DeliveryClaims claims) throws Exception {
        return new Harness(List.of(), List.of(), dir, fastDelivery(), claims);
    }

    public static AlertsConfig.Receiver webhook(String name, String url) {
        return new AlertsConfig.Receiver(name, "webhook", Secret.of("env:HOOK_URL", url), Secret.of("env:WHSEC", WHSEC),
                null, null, null, null);
    }

    public static DeliverySettings fastDelivery() {
        return new DeliverySettings(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMillis(20),
                Duration.ofMillis(200), Duration.ofHours(1), Duration.ofMillis(20));
    }

    /** Moves the clock and lets the dispatcher act on it. */
    public void advance(Duration d) throws Exception {
        tick(); // events already sent are handled at the current time first
        clock.advance(d);
        tick();
    }

    public void tick() throws Exception {
        service.dispatcher().tick().get(5, TimeUnit.SECONDS);
    }

    public List<OutboxEntry> outbox() {
        return service.outbox().all();
    }

    public List<AlertKind> kinds(String receiver) {
        List<AlertKind> out = new ArrayList<>();
        for (OutboxEntry e : outbox()) if (e.receiver().equals(receiver)) out.add(e.alert().kind());
        return out;
    }

    @Override
    public void close() throws Exception {
        service.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
