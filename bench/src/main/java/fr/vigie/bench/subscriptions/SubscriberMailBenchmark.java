package fr.vigie.bench.subscriptions;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Evidence;
import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.IncidentEvent;
import fr.vigie.aggregator.Quantiles;
import fr.vigie.aggregator.Status;
import fr.vigie.alerts.AlertService;
import fr.vigie.alerts.outbox.NotificationId;
import fr.vigie.bench.BenchSections;
import fr.vigie.bench.Cli;
import fr.vigie.config.AlertsConfig;
import fr.vigie.config.ClassifierConfig;
import fr.vigie.config.ProbingConfig;
import fr.vigie.config.Secret;
import fr.vigie.config.Site;
import fr.vigie.config.StorageConfig;
import fr.vigie.config.SubscriptionsConfig;
import fr.vigie.config.Target;
import fr.vigie.config.TargetKind;
import fr.vigie.config.Vantage;
import fr.vigie.config.VigieConfig;
import fr.vigie.subscriptions.SubscriptionService;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Subscriber mail through its outbox to a local SMTP server (GreenMail on 127.0.0.1) for {@code subscribers}
 * confirmed subscribers of one incident, and meanwhile the crisis cell's webhook alerts: their latency (event to
 * acknowledgement) is measured idle first, then during the fan-out, one alert every 200 ms.
 * Usage: {@code SubscriberMailBenchmark [subscribers=10000] [rate-per-second=10000] [batch-size=50]}.
 */
public final class SubscriberMailBenchmark {
    private SubscriberMailBenchmark() {
    }

    @Command(name = "SubscriberMailBenchmark", mixinStandardHelpOptions = true, description = "Mails one incident"
            + " to confirmed subscribers through the outbox to a local GreenMail, timing crisis-cell alerts meanwhile.")
    static final class Args {
        @Parameters(index = "0", arity = "0..1", defaultValue = "10000", description = "subscribers (default ${DEFAULT-VALUE})")
        int subscribers;
        @Parameters(index = "1", arity = "0..1", defaultValue = "10000", description = "subscriptions.rate-per-second"
                + " (default ${DEFAULT-VALUE})")
        int rate;
        @Parameters(index = "2", arity = "0..1", defaultValue = "50", description = "subscriptions.batch-size (default ${DEFAULT-VALUE})")
        int batch;
    }

    public static void main(String[] args) throws Exception {
        // before any logger exists: WARN and above only (GreenMail logs every SMTP line at DEBUG)
        System.setProperty("logback.configurationFile", "fr/vigie/bench/subscriptions/logback-bench.xml");
        Args a = Cli.parse(new Args(), args);
        int subscribers = a.subscribers;
        int rate = a.rate;
        int batch = a.batch;
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Vertx vertx = Vertx.vertx();
        Map<String, Long> ackedAt = new ConcurrentHashMap<>();
        HttpServer hook = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
            String id = req.getHeader("webhook-id");
            req.response().setStatusCode(204).end().onSuccess(v -> {
                if (id != null) ackedAt.putIfAbsent(id, System.nanoTime());
            });
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        Path dir = Files.createTempDirectory("vigie-subscriber-bench");
        VigieConfig config = config(dir, smtp.getSmtp().getPort(), hook.actualPort(), rate, batch);
        try (AlertService alerts = AlertService.start(BenchSections.alerts(config), dir.resolve("alerts-outbox.db"), Clock.systemUTC());
             SubscriptionService subs = SubscriptionService.start(vertx, BenchSections.subscriptions(config), dir, Clock.systemUTC())
                     .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS)) {
            List<String> emails = new ArrayList<>();
            for (int i = 0; i < subscribers; i++) emails.add("abonne" + i + "@exemple.test");
            subs.store().insertConfirmed(emails, List.of("tout"), Clock.systemUTC().instant());

            long[] seq = {1000};
            List<Double> idle = crisisAlerts(alerts, ackedAt, seq, 20, () -> true);

            Incident incident = incident("bench-fanout", ++seq[0]);
            long start = System.nanoTime();
            subs.listener().onIncidentEvent(incident.updates().get(0), incident);
            // what the relay accepted, as the mailer records it after each batch (cheap to read, unlike GreenMail's
            // copy of every message); GreenMail's own count is checked once at the end
            String notification = NotificationId.of(incident.id() + ":" + seq[0], "subscriptions.incidents");
            List<Double> during = crisisAlerts(alerts, ackedAt, seq, Integer.MAX_VALUE,
                    () -> subs.store().sentTo(notification).size() < subscribers
                            && System.nanoTime() - start < TimeUnit.MINUTES.toNanos(30));
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
            while (subs.store().sentTo(notification).size() < subscribers && System.nanoTime() < deadline) {
                Thread.sleep(20); // benchmark polling of a count, not a test
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            int received = smtp.getReceivedMessages().length;
            System.out.printf(Locale.ROOT, "%d subscribers, rate-per-second %d, batch-size %d: %d messages in %.1f s "
                            + "= %.0f messages/s through the outbox to GreenMail%n",
                    subscribers, rate, batch, received, seconds, received / seconds);
            System.out.printf(Locale.ROOT, "crisis-cell webhook alert, event -> acknowledgement: idle median %.1f ms "
                            + "p99 %.1f ms (%d); during the fan-out median %.1f ms p99 %.1f ms max %.1f ms (%d)%n",
                    pct(idle, 0.5), pct(idle, 0.99), idle.size(), pct(during, 0.5), pct(during, 0.99),
                    pct(during, 1.0), during.size());
        } finally {
            hook.close();
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            smtp.stop();
        }
    }

    /** Sends crisis alerts one every 200 ms while {@code go} holds (at most {@code max}); their latencies in ms. */
    private static List<Double> crisisAlerts(AlertService alerts, Map<String, Long> ackedAt, long[] seq, int max,
                                             java.util.function.BooleanSupplier go) throws InterruptedException {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        for (int i = 0; i < max && go.getAsBoolean(); i++) {
            String id = "crisis-" + seq[0] + "-" + i;
            Incident state = incident(id, ++seq[0]);
            sentAt.put(NotificationId.of(id + "#" + seq[0], "cellule"), System.nanoTime());
            alerts.listener().onIncidentEvent(state.updates().get(0), state);
            Thread.sleep(200); // the pace of the crisis alerts, not a synchronisation
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!ackedAt.keySet().containsAll(sentAt.keySet()) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        List<Double> out = new ArrayList<>();
        sentAt.forEach((id, t0) -> {
            Long t1 = ackedAt.get(id);
            if (t1 != null) out.add((t1 - t0) / 1e6);
        });
        Collections.sort(out);
        return out;
    }

    private static Incident incident(String id, long seq) {
        IncidentEvent e = new IncidentEvent(id, seq, Clock.systemUTC().instant(), IncidentEvent.Type.OPENED,
                Status.MAJOR_OUTAGE, Cause.SATURATION, List.of("ent-a"),
                List.of(new Evidence("temps de réponse médian 4,2 s", "median 4.2 s")), null, "vigie");
        return Incident.fold("target:ent-a", List.of(e));
    }

    private static VigieConfig config(Path dir, int smtpPort, int hookPort, int rate, int batch) {
        String whsec = "whsec_" + Base64.getEncoder().encodeToString("bench-signing-key-0123456789".getBytes());
        AlertsConfig.Receiver cell = new AlertsConfig.Receiver("cellule", "webhook",
                Secret.of("literal", "http://127.0.0.1:" + hookPort + "/hook"), Secret.of("literal", whsec),
                null, null, null, null);
        AlertsConfig alerts = new AlertsConfig(Map.of("cellule", cell), List.of(), List.of("cellule"), Duration.ZERO,
                Duration.ofHours(4), new AlertsConfig.AdminApi("127.0.0.1:0", null));
        Site site = new Site("Vigie", "https://vigie.example.fr", dir.resolve("site"), List.of("fr"),
                ZoneId.of("Europe/Paris"), "127.0.0.1:0", "https://vigie.example.fr/contact");
        Target ent = new Target("ent-a", "ENT A", TargetKind.ENT, "Grand Est", List.of("Strasbourg"), null, "vendor",
                "h", "http://127.0.0.1:1", "journey", Optional.empty(), "default", List.of(), Map.of());
        SubscriptionsConfig subscriptions = new SubscriptionsConfig("127.0.0.1:0", "https://vigie.example.fr/abonnement",
                "127.0.0.1:" + smtpPort, "vigie@vigie.example.fr", null, null,
                Secret.of("literal", "bench-key-0123456789abcdef0123456789"), Duration.ofHours(48), rate, batch,
                10, 3);
        return new VigieConfig(site, new StorageConfig(StorageConfig.Type.EMBEDDED, dir.resolve("vigie.db"), null,
                null, Duration.ofDays(30), null, null), new Vantage("bench", "Bench"),
                new ProbingConfig("Vigie", 5, Duration.ofSeconds(5), Duration.ofSeconds(20), 1_000_000, 10,
                        Duration.ofMinutes(30), List.of()), Map.of(), Map.of(), List.of(), Map.of(), List.of(ent),
                ClassifierConfig.defaults(), alerts).withSubscriptions(subscriptions);
    }

    private static double pct(List<Double> values, double p) {
        return Quantiles.of(values, p);
    }
}
