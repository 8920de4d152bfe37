package fr.vigie.bench.subscriptions;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.vigie.aggregator.StatusSnapshot;
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
import fr.vigie.statuspage.SiteGenerator;
import fr.vigie.statuspage.server.StatusSiteServer;
import fr.vigie.subscriptions.SubscriptionService;
import io.vertx.core.Vertx;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The status site and the subscription endpoint side by side on loopback, for {@code bench/subscriptions-flood.sh}
 * to flood the endpoint with wrk while it measures the page. Prints "ready" when both listen.
 * Usage: {@code FloodTargets <site port> <endpoint port> [per-client-per-hour=10]}.
 */
public final class FloodTargets {
    private FloodTargets() {
    }

    @Command(name = "FloodTargets", mixinStandardHelpOptions = true, description = "The public site and the"
            + " subscription endpoint side by side on 127.0.0.1, for wrk; prints ready, then counts on exit.")
    static final class Args {
        @Parameters(index = "0", description = "port of the public site")
        int sitePort;
        @Parameters(index = "1", description = "port of the subscription endpoint")
        int endpointPort;
        @Parameters(index = "2", arity = "0..1", defaultValue = "10", description = "subscriptions allowed per client"
                + " (default ${DEFAULT-VALUE})")
        int perClient;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("logback.configurationFile", "fr/vigie/bench/subscriptions/logback-bench.xml");
        Args a = Cli.parse(new Args(), args);
        int sitePort = a.sitePort;
        int endpointPort = a.endpointPort;
        int perClient = a.perClient;
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Path dir = Files.createTempDirectory("vigie-flood");
        String origin = "http://127.0.0.1:" + sitePort;
        Site site = new Site("Vigie", origin, dir.resolve("site"), List.of("fr"), ZoneId.of("Europe/Paris"),
                "127.0.0.1:" + sitePort, origin + "/a-propos/");
        Target ent = new Target("ent-a", "ENT A", TargetKind.ENT, "Grand Est", List.of("Strasbourg"), null, "vendor",
                "h", "http://127.0.0.1:1", "journey", Optional.empty(), "default", List.of(), Map.of());
        VigieConfig config = new VigieConfig(site, new StorageConfig(StorageConfig.Type.EMBEDDED,
                dir.resolve("vigie.db"), null, null, Duration.ofDays(30), null, null), new Vantage("bench", "Bench"),
                new ProbingConfig("Vigie", 5, Duration.ofSeconds(5), Duration.ofSeconds(20), 1_000_000, 10,
                        Duration.ofMinutes(30), List.of()), Map.of(), Map.of(), List.of(), Map.of(), List.of(ent),
                ClassifierConfig.defaults(), AlertsConfig.none())
                .withSubscriptions(new SubscriptionsConfig("127.0.0.1:" + endpointPort, origin + "/abonnement",
                        "127.0.0.1:" + smtp.getSmtp().getPort(), "vigie@vigie.test", null, null,
                        Secret.of("literal", "flood-key-0123456789abcdef0123456789"), Duration.ofHours(48), 20, 50,
                        perClient, 3));
        Instant now = Clock.systemUTC().instant();
        new SiteGenerator(BenchSections.site(config)).generate(new StatusSnapshot(now, now, 1, false, Map.of(), List.of(), Map.of(),
                Map.of(), Map.of()), dir.resolve("site"));
        Vertx vertx = Vertx.vertx();
        StatusSiteServer.start(vertx, dir.resolve("site"), "127.0.0.1", sitePort).toCompletionStage()
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
        SubscriptionService service = SubscriptionService.start(vertx, BenchSections.subscriptions(config), dir, Clock.systemUTC())
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        System.out.println("ready");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("subscriptions stored: " + service.store().count() + ", confirmation messages sent: "
                    + smtp.getReceivedMessages().length);
            service.close();
            smtp.stop();
        }));
        Thread.currentThread().join();
    }
}
