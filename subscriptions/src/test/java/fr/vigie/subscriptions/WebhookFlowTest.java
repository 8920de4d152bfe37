package fr.vigie.subscriptions;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.IncidentEvent;
import fr.vigie.aggregator.Status;
import fr.vigie.config.Cidr;
import fr.vigie.config.SubscriptionsConfig;
import fr.vigie.subscriptions.webhook.Webhook;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.awaitility.Awaitility;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhook subscriptions end to end: a real endpoint, a real receiver on 127.0.0.1 that checks the Standard Webhooks
 * signature itself and answers the WebSub challenge; loopback is allowed here only through
 * {@code allow-networks: [127.0.0.0/8]}, as a local deployment would configure it.
 */
class WebhookFlowTest {
    static final SubscriptionsConfig.Webhooks LOCAL = new SubscriptionsConfig.Webhooks(
            List.of(Cidr.parse("127.0.0.0/8").orElseThrow()), 20, Duration.ofMinutes(10), Duration.ofHours(24), 1000,
            1000);
    @TempDir
    Path data;
    TestWorld world;
    WebhookReceiver receiver;
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void start() throws Exception {
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stop() {
        if (world != null) {
            world.close();
        }
        receiver.close();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    }

    private void open(SubscriptionsConfig.Webhooks webhooks) throws Exception {
        world = new TestWorld(data, 5, 1000, 50, webhooks);
    }

    private JsonObject register(String callback, String... topics) throws Exception {
        HttpResponse<String> r = world.postJson(world.endpoint("/webhooks"), new JsonObject()
                .put("callback", callback).put("topics", new JsonArray(List.of(topics))).encode());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        JsonObject answer = new JsonObject(r.body());
        receiver.secret = answer.getString("secret");
        return answer;
    }

    private JsonObject status(JsonObject registration) throws Exception {
        HttpResponse<String> r = world.http.send(HttpRequest.newBuilder(URI.create(world.endpoint("/webhooks/"
                        + registration.getString("id")))).header("Authorization", "Bearer " + registration.getString("token"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new JsonObject(r.body());
    }

    /** Polls {@code condition} until it holds or 30 s pass (state reached on Vigie's own threads). */
    private static void await(String what, BooleanSupplier condition) {
        Awaitility.await(what).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(condition::getAsBoolean);
    }

    private void awaitState(JsonObject registration, String state) {
        await("state " + state, () -> {
            try {
                return status(registration).getString("state").equals(state);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private WebhookReceiver.Delivery next() throws InterruptedException {
        WebhookReceiver.Delivery d = receiver.deliveries.poll(30, TimeUnit.SECONDS);
        assertThat(d).as("a delivery reached the receiver").isNotNull();
        return d;
    }

    private void tell(Incident incident, IncidentEvent event) {
        world.service.listener().onIncidentEvent(event, incident);
    }

    private void awaitOutboxEmpty() {
        await("webhook outbox drained", () -> world.service.webhookOutbox().orElseThrow().pendingCount() == 0);
    }

    @Test
    void verifiedByTheChallengeThenSignedEventsOnlyForItsChoices() throws Exception {
        open(LOCAL);
        receiver.holdVerification = new CountDownLatch(1);
        JsonObject reg = register(receiver.url("/vigie?source=test"), "region:Île-de-France");
        assertThat(reg.getString("state")).isEqualTo("pending");
        assertThat(reg.getString("secret")).startsWith("whsec_").hasSizeGreaterThan(40);
        assertThat(reg.getString("token")).isNotBlank();

        // an incident while the verification is under way: an unverified subscription receives nothing
        Incident before = TestWorld.incident("2021-04-06-idf-0", List.of("ent77"));
        tell(before, before.updates().get(0));
        assertThat(world.service.webhookOutbox().orElseThrow().all()).isEmpty();
        receiver.holdVerification.countDown();

        Map<String, String> challenge = receiver.verifications.poll(30, TimeUnit.SECONDS);
        assertThat(challenge).isNotNull().containsEntry("hub.mode", "subscribe")
                .containsEntry("hub.topic", "region:Île-de-France").containsEntry("source", "test");
        assertThat(challenge.get("hub.challenge")).hasSizeGreaterThanOrEqualTo(40);
        awaitState(reg, "verified");

        Incident incident = TestWorld.incident("2021-04-06-idf-1", List.of("ent77"));
        tell(incident, incident.updates().get(0));
        WebhookReceiver.Delivery d = next();
        assertThat(d.signatureValid()).as("signature recomputed by the receiver").isTrue();
        JsonObject body = new JsonObject(d.body());
        assertThat(body.getString("type")).isEqualTo("incident.opened");
        JsonObject data = body.getJsonObject("data");
        assertThat(data.getString("id")).isEqualTo(d.id()).startsWith("msg_");
        assertThat(data.getString("subscription")).isEqualTo(reg.getString("id"));
        assertThat(data.getString("incident")).isEqualTo("2021-04-06-idf-1");
        assertThat(data.getString("status")).isEqualTo("major_outage");
        assertThat(data.getString("statusText")).isEqualTo("panne majeure");
        assertThat(data.getString("cause")).isEqualTo("saturation");
        assertThat(data.getString("causeConfidence")).isEqualTo("probable");
        assertThat(data.getString("causeText")).isEqualTo("cause probable : saturation (affluence)");
        assertThat(data.getJsonArray("services").getJsonObject(0).getMap()).containsEntry("id", "ent77")
                .containsEntry("name", "ENT77");
        assertThat(data.getJsonArray("evidence").getString(0)).contains("médian 4,2 s");
        assertThat(data.getString("link")).isEqualTo("https://etat.vigie.test/incidents/2021-04-06-idf-1/");

        // below the publication bar: the cause is withheld, as on the public page
        IncidentEvent unsure = new IncidentEvent(incident.id(), 11, Instant.parse("2021-04-06T06:10:00Z"),
                IncidentEvent.Type.CAUSE_CHANGED, null, Cause.UNKNOWN, List.of(), List.of(), null, "vigie");
        tell(TestWorld.incident(incident.id(), List.of("ent77"), unsure), unsure);
        JsonObject withheld = new JsonObject(next().body());
        assertThat(withheld.getString("type")).isEqualTo("incident.cause_changed");
        assertThat(withheld.getJsonObject("data").getValue("cause")).isNull();
        assertThat(withheld.getJsonObject("data").getString("causeConfidence")).isEqualTo("withheld");
        assertThat(withheld.getJsonObject("data").getString("causeText")).isEqualTo("cause en cours d'analyse");

        // not its choice (Grand Est): nothing queued for it
        Incident elsewhere = TestWorld.incident("2021-04-06-est-1", List.of("mbn"));
        tell(elsewhere, elsewhere.updates().get(0));
        awaitOutboxEmpty();
        assertThat(world.service.webhookOutbox().orElseThrow().all())
                .extracting(e -> e.alert().incident()).containsOnly("2021-04-06-idf-1").hasSize(2);
        assertThat(receiver.drain()).isEmpty();

        // unsubscribe with the management token; a wrong token is refused
        HttpResponse<String> forged = world.http.send(HttpRequest.newBuilder(URI.create(reg.getString("status")
                        .replace("https://etat.vigie.test/abonnement", world.endpoint(""))))
                .header("Authorization", "Bearer webhook." + reg.getString("id") + ".9999999999.AAAA").DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(401);
        HttpResponse<String> gone = world.http.send(HttpRequest.newBuilder(URI.create(world.endpoint("/webhooks/"
                        + reg.getString("id")))).header("Authorization", "Bearer " + reg.getString("token")).DELETE()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(gone.statusCode()).isEqualTo(204);
        assertThat(world.service.webhookStore().orElseThrow().count()).isZero();
        IncidentEvent resolved = new IncidentEvent(incident.id(), 12, Instant.parse("2021-04-06T07:00:00Z"),
                IncidentEvent.Type.RESOLVED, Status.OPERATIONAL, null, List.of(), List.of(), null, "vigie");
        tell(TestWorld.incident(incident.id(), List.of("ent77"), resolved), resolved);
        assertThat(world.service.webhookOutbox().orElseThrow().all()).hasSize(2);

        // the secret never reached a log line
        assertThat(logs.list).filteredOn(e -> e.getLoggerName().startsWith("fr.vigie"))
                .extracting(ILoggingEvent::getFormattedMessage).isNotEmpty()
                .noneMatch(line -> line.contains(reg.getString("secret").substring(6)));
    }

    @Test
    void exactlyOncePerNotificationAcrossAReceiverOutage() throws Exception {
        open(LOCAL);
        JsonObject reg = register(receiver.url("/hook"), "tout");
        awaitState(reg, "verified");
        receiver.failNext.set(3); // the receiver is down for its next three requests
        Incident incident = TestWorld.incident("2021-04-06-all-1", List.of("ent77", "mbn"));
        tell(incident, incident.updates().get(0));
        IncidentEvent message = new IncidentEvent(incident.id(), 11, Instant.parse("2021-04-06T06:20:00Z"),
                IncidentEvent.Type.HUMAN_UPDATE, null, null, List.of(), List.of(), "Le prestataire est prévenu.",
                "Cellule de crise");
        Incident withMessage = TestWorld.incident(incident.id(), List.of("ent77", "mbn"), message);
        tell(withMessage, message);
        // replays (a restart hands the aggregator's events again): the same ids, nothing more queued
        tell(incident, incident.updates().get(0));
        tell(withMessage, message);

        List<WebhookReceiver.Delivery> seen = new ArrayList<>();
        while (seen.stream().filter(d -> d.answered() == 204).count() < 2) {
            seen.add(next());
        }
        awaitOutboxEmpty();
        seen.addAll(receiver.drain());
        assertThat(seen).allMatch(WebhookReceiver.Delivery::signatureValid);
        assertThat(seen.subList(0, 3)).extracting(WebhookReceiver.Delivery::answered).containsOnly(503);
        List<String> accepted = seen.stream().filter(d -> d.answered() == 204).map(WebhookReceiver.Delivery::id)
                .toList();
        assertThat(accepted).hasSize(2).doesNotHaveDuplicates();
        // retries carry the id of the notification they retry, and order is kept
        assertThat(seen.get(0).id()).isEqualTo(accepted.get(0));
        assertThat(new JsonObject(seen.get(seen.size() - 1).body()).getJsonObject("data").getString("message"))
                .isEqualTo("Le prestataire est prévenu.");
        assertThat(world.service.webhookOutbox().orElseThrow().all()).hasSize(2);
        JsonObject state = status(reg);
        assertThat(state.getString("state")).isEqualTo("verified");
        assertThat(state.getValue("failingSince")).as("a success ends the run of failures").isNull();
    }

    @Test
    void whatWasPendingAtARestartIsDeliveredOnceAfterIt() throws Exception {
        open(LOCAL);
        JsonObject reg = register(receiver.url("/restart"), "service:cned");
        awaitState(reg, "verified");
        receiver.failNext.set(Integer.MAX_VALUE);
        Incident incident = TestWorld.incident("2021-04-06-cned-1", List.of("cned"));
        tell(incident, incident.updates().get(0));
        WebhookReceiver.Delivery failed = next();
        assertThat(failed.answered()).isEqualTo(503);
        world.close();
        receiver.failNext.set(0);
        open(LOCAL); // same data folder: the subscription, its secret and the pending notification are kept
        world.service.listener().onIncidentEvent(incident.updates().get(0), incident); // replayed at start
        WebhookReceiver.Delivery delivered = next();
        while (delivered.answered() != 204) {
            delivered = next();
        }
        assertThat(delivered.id()).isEqualTo(failed.id());
        assertThat(delivered.signatureValid()).isTrue();
        awaitOutboxEmpty();
        assertThat(receiver.drain()).as("delivered once").isEmpty();
        assertThat(world.service.webhookOutbox().orElseThrow().all()).hasSize(1);
    }

    @Test
    void aCallbackThatDoesNotEchoTheChallengeIsRefusedAndReceivesNothing() throws Exception {
        open(LOCAL);
        receiver.challenge = WebhookReceiver.Challenge.WRONG;
        JsonObject reg = register(receiver.url("/not-mine"), "tout");
        awaitState(reg, "refused");
        assertThat(status(reg).getString("reason")).contains("sans renvoyer le défi");
        receiver.challenge = WebhookReceiver.Challenge.NOT_FOUND;
        JsonObject other = register(receiver.url("/absent"), "tout");
        awaitState(other, "refused");
        assertThat(status(other).getString("reason")).contains("HTTP 404");

        Incident incident = TestWorld.incident("2021-04-06-all-2", List.of("ent77"));
        tell(incident, incident.updates().get(0));
        assertThat(world.service.webhookOutbox().orElseThrow().all()).isEmpty();
        assertThat(receiver.deliveries).isEmpty();
        assertThat(world.service.webhookStore().orElseThrow().byId(reg.getString("id")).orElseThrow().secret())
                .as("an ended subscription's secret is wiped").isNull();
    }

    @Test
    void anUnansweredVerificationExpiresAndAFailingReceiverIsDisabledWithItsReason() throws Exception {
        open(new SubscriptionsConfig.Webhooks(LOCAL.allowNetworks(), 20, Duration.ofSeconds(1), Duration.ofSeconds(1),
                1000, 1000));
        receiver.challenge = WebhookReceiver.Challenge.DOWN;
        JsonObject silent = register(receiver.url("/down"), "tout");
        awaitState(silent, "expired");
        assertThat(status(silent).getString("reason")).contains("avant l'échéance");

        receiver.challenge = WebhookReceiver.Challenge.ECHO;
        JsonObject failing = register(receiver.url("/failing"), "tout");
        awaitState(failing, "verified");
        receiver.failNext.set(Integer.MAX_VALUE);
        Incident incident = TestWorld.incident("2021-04-06-all-3", List.of("cned"));
        tell(incident, incident.updates().get(0));
        awaitState(failing, "disabled");
        assertThat(status(failing).getString("reason")).contains("Aucune livraison réussie", "HTTP 503");
        assertThat(world.service.webhookOutbox().orElseThrow().pendingCount()).isZero();
        int attempts = receiver.drain().size();
        assertThat(attempts).isGreaterThanOrEqualTo(2);
        IncidentEvent resolved = new IncidentEvent(incident.id(), 12, Instant.parse("2021-04-06T07:00:00Z"),
                IncidentEvent.Type.RESOLVED, Status.OPERATIONAL, null, List.of(), List.of(), null, "vigie");
        tell(TestWorld.incident(incident.id(), List.of("cned"), resolved), resolved);
        assertThat(world.service.webhookOutbox().orElseThrow().pendingCount()).as("a disabled receiver gets nothing")
                .isZero();
    }

    @Test
    void aReceiverWithTooManyNotificationsWaitingIsDisabled() throws Exception {
        open(new SubscriptionsConfig.Webhooks(LOCAL.allowNetworks(), 20, Duration.ofMinutes(10), Duration.ofHours(24),
                2, 1000));
        JsonObject reg = register(receiver.url("/slow"), "tout");
        awaitState(reg, "verified");
        receiver.failNext.set(Integer.MAX_VALUE);
        for (int i = 1; i <= 3; i++) {
            Incident incident = TestWorld.incident("2021-04-06-many-" + i, List.of("cned"));
            tell(incident, incident.updates().get(0));
        }
        JsonObject state = status(reg);
        assertThat(state.getString("state")).isEqualTo("disabled");
        assertThat(state.getString("reason")).contains("Plus de 2 notifications attendaient");
        assertThat(world.service.webhookOutbox().orElseThrow().all()).hasSize(2);
        assertThat(world.service.webhookOutbox().orElseThrow().pendingCount()).isZero();
    }

    @Test
    void formRegistrationBadTopicsAndTheRateLimitPerClient() throws Exception {
        open(new SubscriptionsConfig.Webhooks(LOCAL.allowNetworks(), 3, Duration.ofMinutes(10), Duration.ofHours(1),
                1000, 1000));
        HttpResponse<String> form = world.post(world.endpoint("/webhooks"),
                Map.of("callback", List.of(receiver.url("/form")), "topics", List.of("service:ent-idf", "academie:Créteil")),
                null);
        assertThat(form.statusCode()).as(form.body()).isEqualTo(202);
        assertThat(new JsonObject(form.body()).getJsonArray("topics").getList())
                .containsExactly("service:ent-idf", "academie:Créteil");
        HttpResponse<String> bad = world.postJson(world.endpoint("/webhooks"),
                "{\"callback\":\"" + receiver.url("/x") + "\",\"topics\":[\"service:inconnu\"]}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(bad.body()).getString("message")).contains("au moins un choix suivi");
        HttpResponse<String> notJson = world.postJson(world.endpoint("/webhooks"), "{pas du json");
        assertThat(notJson.statusCode()).isEqualTo(400);
        HttpResponse<String> limited = world.postJson(world.endpoint("/webhooks"),
                "{\"callback\":\"" + receiver.url("/x") + "\",\"topics\":[\"tout\"]}");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(new JsonObject(limited.body()).getString("message")).contains("Trop de demandes");
        assertThat(world.service.webhookStore().orElseThrow().inState(Webhook.State.PENDING).size()
                + world.service.webhookStore().orElseThrow().inState(Webhook.State.VERIFIED).size()).isEqualTo(1);
    }
}
