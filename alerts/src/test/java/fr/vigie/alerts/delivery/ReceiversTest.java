package fr.vigie.alerts.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Status;
import fr.vigie.alerts.AlertService;
import fr.vigie.alerts.content.AlertJson;
import fr.vigie.alerts.support.Await;
import fr.vigie.alerts.support.IncidentScript;
import fr.vigie.alerts.support.LogCapture;
import fr.vigie.alerts.support.MutableClock;
import fr.vigie.alerts.support.Receiver;
import fr.vigie.alerts.support.Receiver.Reply;
import fr.vigie.alerts.support.TestConfigs;
import fr.vigie.config.AlertsConfig;
import fr.vigie.config.Secret;
import io.vertx.core.Vertx;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every receiver type against a real local endpoint: a signed webhook (two keys during a rotation), Slack,
 * Mattermost, a Matrix homeserver and a GreenMail SMTP server. Paths, headers, signature and body are
 * checked, and no secret may appear in any log line.
 */
class ReceiversTest {
    static final String KEY_OLD = "ancienne-clé-de-signature-vigie";
    static final String KEY_NEW = "nouvelle-clé-de-signature-vigie";
    static final String WHSEC = "whsec_" + b64(KEY_OLD) + " whsec_" + b64(KEY_NEW);
    static final String MATRIX_TOKEN = "syt_dmlnaWU_SECRETtokenXYZ_0a1b2c";
    static final String SLACK_PATH = "/services/T0SECRET/B0SECRET/slackSECRETpath";
    static final String MM_PATH = "/hooks/mmSECRETkey42";
    static final String HOOK_PATH = "/vigie/hookSECRETpath";

    @TempDir
    Path dir;

    Vertx vertx;
    Receiver webhook;
    Receiver slack;
    Receiver mattermost;
    Receiver matrix;
    GreenMail smtp;
    int smtpPort;
    MutableClock clock = new MutableClock(Instant.parse("2026-03-16T07:55:00Z"));
    LogCapture logs;

    @BeforeEach
    void start() throws Exception {
        logs = new LogCapture();
        vertx = Vertx.vertx();
        webhook = Receiver.ok(vertx);
        slack = Receiver.ok(vertx);
        mattermost = Receiver.ok(vertx);
        matrix = Receiver.start(vertx, i -> i == 0
                ? new Reply(429, "{\"errcode\":\"M_LIMIT_EXCEEDED\",\"error\":\"Too many requests\",\"retry_after_ms\":400}",
                Duration.ZERO, null)
                : Reply.ok("{\"event_id\":\"$ev" + i + "\"}"));
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        smtpPort = smtp.getSmtp().getPort();
    }

    @AfterEach
    void stop() throws Exception {
        smtp.stop();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        logs.close();
    }

    Map<String, AlertsConfig.Receiver> receivers() {
        return Map.of(
                "hook", new AlertsConfig.Receiver("hook", "webhook", Secret.of("env:HOOK_URL", webhook.url(HOOK_PATH)),
                        Secret.of("env:HOOK_WHSEC", WHSEC), null, null, null, null),
                "slack", new AlertsConfig.Receiver("slack", "slack", Secret.of("env:SLACK_URL", slack.url(SLACK_PATH)),
                        null, null, null, null, null),
                "mm", new AlertsConfig.Receiver("mm", "mattermost", Secret.of("env:MM_URL", mattermost.url(MM_PATH)),
                        null, null, null, null, null),
                "tchap", new AlertsConfig.Receiver("tchap", "matrix", Secret.of("literal", matrix.url("")),
                        Secret.of("env:TCHAP_TOKEN", MATRIX_TOKEN), "!cellule:agent.tchap.gouv.fr", null, null, null),
                "mail", new AlertsConfig.Receiver("mail", "email", null, null, null,
                        "127.0.0.1:" + smtpPort, "vigie@vigie.example", List.of("cellule@education.example")));
    }

    List<String> secrets() {
        return List.of(KEY_OLD, KEY_NEW, b64(KEY_OLD), b64(KEY_NEW), MATRIX_TOKEN, "SECRETpath", "mmSECRETkey42",
                "slackSECRETpath", "T0SECRET");
    }

    @Test
    void everyReceiverGetsTheIncidentInItsOwnFormatAndNoSecretIsLogged() throws Exception {
        var config = TestConfigs.config(TestConfigs.alerts(receivers(), List.of(), List.of("hook", "slack", "mm", "tchap", "mail")));
        try (AlertService service = AlertService.start(config, dir.resolve("outbox.db"), clock,
                new DeliverySettings(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMillis(20),
                        Duration.ofMillis(200), Duration.ofHours(1), Duration.ofMillis(50)))) {
            IncidentScript script = new IncidentScript(service.listener(), clock);
            script.open("2026-03-16-ovh-gra-saturation-1", "hosting:ovh-gra", Status.MAJOR_OUTAGE, Cause.SATURATION,
                    "ent-idf", "ent-occ");
            service.dispatcher().tick().get(5, TimeUnit.SECONDS);
            clock.advance(Duration.ofSeconds(31));
            service.dispatcher().tick().get(5, TimeUnit.SECONDS);

            Await.until("all five receivers acknowledged", Duration.ofSeconds(15), () ->
                    webhook.accepted().size() == 1 && slack.accepted().size() == 1 && mattermost.accepted().size() == 1
                            && matrix.accepted().size() == 1 && smtp.getReceivedMessages().length == 1);

            checkWebhook(service);
            checkSlack();
            checkMattermost();
            checkMatrix();
            checkMail();
            Await.until("every notification marked delivered", Duration.ofSeconds(5),
                    () -> service.outbox().pending().isEmpty());
        }
        logs.assertNoSecret(secrets());
    }

    private void checkWebhook(AlertService service) throws Exception {
        Receiver.Hit hit = webhook.accepted().get(0);
        assertThat(hit.method()).isEqualTo("POST");
        assertThat(hit.path()).isEqualTo(HOOK_PATH);
        assertThat(hit.header("content-type")).startsWith("application/json");
        String id = hit.header("webhook-id");
        String ts = hit.header("webhook-timestamp");
        assertThat(id).isEqualTo(service.outbox().all().stream().filter(e -> e.receiver().equals("hook"))
                .findFirst().orElseThrow().id());
        assertThat(Long.parseLong(ts)).isEqualTo(clock.instant().getEpochSecond());
        // verified independently: each key of the rotation gives one of the space-separated signatures
        String[] sigs = hit.header("webhook-signature").split(" ");
        assertThat(sigs).hasSize(2);
        assertThat(verifies(sigs, KEY_OLD, id, ts, hit.body())).isTrue();
        assertThat(verifies(sigs, KEY_NEW, id, ts, hit.body())).isTrue();
        assertThat(verifies(sigs, "une-autre-clé", id, ts, hit.body())).isFalse();
        assertThat(verifies(sigs, KEY_OLD, id, ts, hit.body().replace("ENT Occitanie", "ENT Bretagne"))).isFalse();

        JsonNode body = AlertJson.mapper().readTree(hit.body());
        assertThat(body.path("type").asText()).isEqualTo("incident.opened");
        JsonNode data = body.path("data");
        assertThat(data.path("id").asText()).isEqualTo(id);
        assertThat(data.path("incident").asText()).isEqualTo("2026-03-16-ovh-gra-saturation-1");
        assertThat(data.path("status").asText()).isEqualTo("major_outage");
        assertThat(data.path("cause").asText()).isEqualTo("saturation");
        assertThat(data.path("services").get(0).path("name").asText()).isEqualTo("Monlycée.net");
        assertThat(data.path("startedAt").asText()).isEqualTo("2026-03-16T07:55:00Z");
        assertThat(data.path("link").asText())
                .isEqualTo("https://statut.vigie.example/incidents/2026-03-16-ovh-gra-saturation-1/");
        assertThat(data.path("text").asText()).contains("Services : Monlycée.net, ENT Occitanie",
                "État : Panne majeure", "Cause probable : saturation", "Éléments : temps de réponse médian 4,2 s",
                "Début : 16 mars 2026 à 08h55 (Europe/Paris)");
    }

    static boolean verifies(String[] signatures, String key, String id, String ts, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal((id + "." + ts + "." + body).getBytes(StandardCharsets.UTF_8));
        for (String s : signatures) {
            if (s.startsWith("v1,") && MessageDigest.isEqual(expected, Base64.getDecoder().decode(s.substring(3)))) {
                return true;
            }
        }
        return false;
    }

    private void checkSlack() throws Exception {
        Receiver.Hit hit = slack.accepted().get(0);
        assertThat(hit.method()).isEqualTo("POST");
        assertThat(hit.path()).isEqualTo(SLACK_PATH);
        JsonNode body = AlertJson.mapper().readTree(hit.body());
        assertThat(body.path("text").asText()).contains("*[Vigie] Incident ouvert : Panne majeure — Monlycée.net, ENT Occitanie");
        assertThat(body.path("blocks").get(0).path("type").asText()).isEqualTo("section");
        assertThat(body.path("blocks").get(0).path("text").path("type").asText()).isEqualTo("mrkdwn");
        assertThat(body.path("blocks").get(0).path("text").path("text").asText()).contains("*Cause probable* : saturation");
    }

    private void checkMattermost() throws Exception {
        Receiver.Hit hit = mattermost.accepted().get(0);
        assertThat(hit.path()).isEqualTo(MM_PATH);
        JsonNode body = AlertJson.mapper().readTree(hit.body());
        assertThat(body.path("text").asText()).startsWith("**[Vigie] Incident ouvert");
        JsonNode att = body.path("attachments").get(0);
        assertThat(att.path("color").asText()).isEqualTo("#c62828");
        assertThat(att.path("title_link").asText()).endsWith("/incidents/2026-03-16-ovh-gra-saturation-1/");
        assertThat(att.path("fields").findValuesAsText("title")).contains("Services", "État", "Cause probable", "Début");
    }

    private void checkMatrix() throws Exception {
        List<Receiver.Hit> hits = matrix.hits();
        assertThat(hits).hasSize(2);
        assertThat(hits.get(0).answeredCode()).isEqualTo(429);
        for (Receiver.Hit hit : hits) {
            assertThat(hit.method()).isEqualTo("PUT");
            assertThat(hit.header("authorization")).isEqualTo("Bearer " + MATRIX_TOKEN);
            assertThat(hit.path()).startsWith("/_matrix/client/v3/rooms/%21cellule%3Aagent.tchap.gouv.fr/send/m.room.message/msg_");
        }
        assertThat(hits.get(1).path()).as("same txnId on retry: idempotent").isEqualTo(hits.get(0).path());
        assertThat(Duration.ofNanos(hits.get(1).receivedNanos() - hits.get(0).receivedNanos()))
                .as("retry_after_ms honoured").isGreaterThanOrEqualTo(Duration.ofMillis(400));
        JsonNode body = AlertJson.mapper().readTree(hits.get(1).body());
        assertThat(body.path("msgtype").asText()).isEqualTo("m.notice");
        assertThat(body.path("format").asText()).isEqualTo("org.matrix.custom.html");
        assertThat(body.path("body").asText()).contains("Cause probable : saturation");
        assertThat(body.path("formatted_body").asText()).contains("<strong>Cause probable</strong> : saturation",
                "<a href=\"https://statut.vigie.example/incidents/2026-03-16-ovh-gra-saturation-1/\">");
    }

    private void checkMail() throws Exception {
        MimeMessage m = smtp.getReceivedMessages()[0];
        assertThat(m.getSubject()).isEqualTo("[Vigie] Incident ouvert : Panne majeure — Monlycée.net, ENT Occitanie "
                + "— cause probable : saturation (afflux d'utilisateurs)");
        assertThat(m.getFrom()[0].toString()).isEqualTo("vigie@vigie.example");
        assertThat(m.getAllRecipients()[0].toString()).isEqualTo("cellule@education.example");
        assertThat(m.getMessageID()).matches("<msg_[0-9a-f]{32}@vigie>");
        String raw = com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(m);
        assertThat(raw).contains("text/plain", "text/html");
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(m)).isNotBlank();
    }

    @Test
    void failuresOfEveryKindAreLoggedWithoutTheirSecrets() throws Exception {
        webhook.answer(i -> Reply.status(500));
        slack.answer(i -> Reply.status(400));
        mattermost.answer(i -> new Reply(503, "", Duration.ZERO, "0"));
        matrix.answer(i -> new Reply(401, "{\"errcode\":\"M_UNKNOWN_TOKEN\"}", Duration.ZERO, null));
        smtp.stop(); // mail server down: connection refused
        var config = TestConfigs.config(TestConfigs.alerts(receivers(), List.of(), List.of("hook", "slack", "mm", "tchap", "mail")));
        try (AlertService service = AlertService.start(config, dir.resolve("outbox.db"), clock,
                new DeliverySettings(Duration.ofMillis(300), Duration.ofSeconds(2), Duration.ofMillis(20),
                        Duration.ofMillis(100), Duration.ZERO, Duration.ofMillis(20)))) {
            IncidentScript script = new IncidentScript(service.listener(), clock);
            script.open("inc", "target:cned", Status.MAJOR_OUTAGE, Cause.STORAGE, "cned");
            service.dispatcher().tick().get(5, TimeUnit.SECONDS);
            clock.advance(Duration.ofSeconds(31));
            service.dispatcher().tick().get(5, TimeUnit.SECONDS);
            Await.until("failures seen on every receiver", Duration.ofSeconds(15), () ->
                    webhook.hits().size() >= 2 && slack.hits().size() >= 1 && mattermost.hits().size() >= 2
                            && matrix.hits().size() >= 1
                            && logs.lines().stream().anyMatch(l -> l.contains("receiver=mail") && l.contains("failed")));
        }
        assertThat(logs.lines()).anyMatch(l -> l.contains("receiver=hook") && l.contains("HTTP 500"));
        assertThat(logs.lines()).anyMatch(l -> l.contains("receiver=slack") && l.contains("rejected for good"));
        logs.assertNoSecret(secrets(), String.valueOf(receivers()));
    }

    @Test
    void configurationErrorsNameTheReceiverAndTheSecretSourceButNeverTheValue() {
        String notBase64 = "whsec_pas*du*base64*" + MATRIX_TOKEN;
        var bad = new AlertsConfig.Receiver("hook", "webhook", Secret.of("env:HOOK_URL", webhook.url(HOOK_PATH)),
                Secret.of("env:HOOK_WHSEC", notBase64), null, null, null, null);
        var config = TestConfigs.config(TestConfigs.alerts(Map.of("hook", bad), List.of(), List.of("hook")));
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(
                () -> AlertService.start(config, dir.resolve("bad.db"), clock));
        assertThat(t).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("env:HOOK_WHSEC");
        assertThat(String.valueOf(t.getMessage()) + t).doesNotContain(MATRIX_TOKEN).doesNotContain("pas*du*base64");
        assertThat(String.valueOf(bad)).doesNotContain(HOOK_PATH).doesNotContain("pas*du*base64");
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
