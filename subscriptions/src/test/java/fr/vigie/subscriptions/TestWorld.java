package fr.vigie.subscriptions;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Evidence;
import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.IncidentEvent;
import fr.vigie.aggregator.Status;
import fr.vigie.config.Secret;
import fr.vigie.config.Site;
import fr.vigie.config.SubscriptionsConfig;
import fr.vigie.config.Target;
import fr.vigie.config.TargetKind;
import io.vertx.core.Vertx;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A real GreenMail SMTP server, a real subscription endpoint on an ephemeral port, and an HTTP client that talks
 * to it as a browser would (Origin of the site).
 */
final class TestWorld implements AutoCloseable {
    static final String SITE = "https://etat.vigie.test";
    static final String KEY = "test-key-0123456789abcdef0123456789";

    final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    final Vertx vertx = Vertx.vertx();
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final SubscriptionSections config;
    final SubscriptionService service;

    TestWorld(Path data, int perClient, int ratePerSecond, int batchSize) throws Exception {
        this(data, perClient, ratePerSecond, batchSize, null);
    }

    /** With webhook subscriptions configured ({@code webhooks} not null). */
    TestWorld(Path data, int perClient, int ratePerSecond, int batchSize, SubscriptionsConfig.Webhooks webhooks)
            throws Exception {
        smtp.start();
        SubscriptionSections base = config(smtp.getSmtp().getPort(), perClient, ratePerSecond, batchSize);
        config = webhooks == null ? base
                : base.withSubscriptions(base.subscriptionSettings().orElseThrow().withWebhooks(webhooks));
        service = SubscriptionService.start(vertx, config, data, Clock.systemUTC()).toCompletionStage()
                .toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    static Target target(String id, String name, TargetKind kind, String region, List<String> academies) {
        return new Target(id, name, kind, region, academies, null, "vendor", "host-" + id, "http://127.0.0.1:1",
                "journey", Optional.empty(), "default", List.of(), Map.of());
    }

    static SubscriptionSections config(int smtpPort, int perClient, int ratePerSecond, int batchSize) {
        List<Target> targets = List.of(
                target("ent-idf", "Monlycée.net", TargetKind.ENT, "Île-de-France", List.of("Paris", "Créteil")),
                target("ent77", "ENT77", TargetKind.ENT, "Île-de-France", List.of("Créteil")),
                target("mbn", "Mon Bureau Numérique", TargetKind.ENT, "Grand Est", List.of("Strasbourg")),
                target("cned", "CNED Ma classe à la maison", TargetKind.CNED, null, List.of()));
        Site site = new Site("Vigie", SITE, Path.of("site"), List.of("fr"), ZoneId.of("Europe/Paris"),
                "127.0.0.1:0", SITE + "/a-propos/");
        SubscriptionsConfig subscriptions = new SubscriptionsConfig("127.0.0.1:0", SITE + "/abonnement",
                "127.0.0.1:" + smtpPort, "Vigie <ne-pas-repondre@vigie.test>", null, null, Secret.of("test", KEY),
                Duration.ofHours(48), ratePerSecond, batchSize, perClient, 3);
        return new SubscriptionSections(subscriptions, site, targets);
    }

    /** The endpoint's real address for a public URL of a message (the reverse proxy's job in production). */
    String local(String publicUrl) {
        return publicUrl.replace(SITE, "http://127.0.0.1:" + service.port());
    }

    HttpResponse<String> post(String url, Map<String, List<String>> form, String origin) throws Exception {
        String body = form.entrySet().stream().flatMap(e -> e.getValue().stream()
                        .map(v -> enc(e.getKey()) + "=" + enc(v)))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> subscribe(String address, String... topics) throws Exception {
        return post("http://127.0.0.1:" + service.port() + "/abonnement/",
                Map.of("adresse", List.of(address), "choix", List.of(topics)), SITE);
    }

    HttpResponse<String> postJson(String url, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The endpoint's local URL of a path under the public one ("/webhooks"). */
    String endpoint(String path) {
        return "http://127.0.0.1:" + service.port() + "/abonnement" + path;
    }

    HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    static Incident incident(String id, List<String> targets, IncidentEvent... more) {
        List<IncidentEvent> events = new java.util.ArrayList<>();
        events.add(new IncidentEvent(id, 10, Instant.parse("2021-04-06T06:02:00Z"), IncidentEvent.Type.OPENED,
                Status.MAJOR_OUTAGE, Cause.SATURATION, targets,
                List.of(new Evidence("temps de réponse médian 4,2 s, 14 fois l'habitude", "4.2 s")), null, "vigie"));
        events.addAll(List.of(more));
        return Incident.fold("hosting:x", events);
    }

    @Override
    public void close() {
        service.close();
        vertx.close();
        smtp.stop();
    }
}
