package fr.vigie.subscriptions;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fr.vigie.aggregator.IncidentEvent;
import fr.vigie.aggregator.Status;
import fr.vigie.aggregator.Incident;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole e-mail flow against a real SMTP server (GreenMail) and the real endpoint over HTTP: request, double
 * opt-in, an incident message with one-click unsubscribe, management, deletion; bad input and abuse refused.
 */
class SubscriptionFlowTest {
    private static final Pattern LINK = Pattern.compile("https://etat\\.vigie\\.test/abonnement/(confirmer|gerer|desabonner)\\?jeton=[A-Za-z0-9._-]+");
    @TempDir
    Path data;
    TestWorld world;
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void start() throws Exception {
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
        world = new TestWorld(data, 5, 1000, 50);
    }

    @AfterEach
    void stop() {
        world.close();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    }

    private MimeMessage[] awaitMail(int count) {
        assertThat(world.smtp.waitForIncomingEmail(20_000, count)).as("%d message(s) received", count).isTrue();
        return world.smtp.getReceivedMessages();
    }

    private static String plain(MimeMessage message) throws Exception {
        return (String) ((MimeMultipart) message.getContent()).getBodyPart(0).getContent();
    }

    private static String html(MimeMessage message) throws Exception {
        return (String) ((MimeMultipart) message.getContent()).getBodyPart(1).getContent();
    }

    private static String link(String text, String kind) {
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            if (m.group(1).equals(kind)) {
                return m.group();
            }
        }
        throw new AssertionError("no " + kind + " link in: " + text);
    }

    private static String hiddenToken(String page) {
        Matcher m = Pattern.compile("name=\"jeton\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("a token field in the page").isTrue();
        return m.group(1);
    }

    /** Requests, confirms and returns the subscription's id. */
    private String subscribeAndConfirm(String address, String... topics) throws Exception {
        int before = world.smtp.getReceivedMessages().length;
        assertThat(world.subscribe(address, topics).statusCode()).isEqualTo(200);
        MimeMessage confirmation = awaitMail(before + 1)[before];
        String confirm = world.local(link(plain(confirmation), "confirmer"));
        HttpResponse<String> page = world.get(confirm);
        assertThat(page.statusCode()).isEqualTo(200);
        HttpResponse<String> done = world.post(confirm.substring(0, confirm.indexOf('?')),
                Map.of("jeton", List.of(hiddenToken(page.body()))), TestWorld.SITE);
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("Abonnement confirmé");
        return world.service.store().confirmed().stream().filter(s -> s.email().equals(address)).findFirst()
                .orElseThrow().id();
    }

    @Test
    void doubleOptInThenAnIncidentMessageWithOneClickUnsubscribe() throws Exception {
        HttpResponse<String> answer = world.subscribe("parent@exemple.fr", "region:Île-de-France");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("Vérifiez votre messagerie");
        assertThat(world.service.store().confirmed()).isEmpty(); // nothing before the mailbox owner's click

        MimeMessage confirmation = awaitMail(1)[0];
        assertThat(confirmation.getAllRecipients()[0].toString()).isEqualTo("parent@exemple.fr");
        assertThat(confirmation.getSubject()).isEqualTo("[Vigie] Confirmez votre abonnement");
        assertThat(plain(confirmation)).contains("Île-de-France (région)", "ignorez ce message");
        assertThat(html(confirmation)).contains("Confirmer mon abonnement");

        String confirm = world.local(link(plain(confirmation), "confirmer"));
        // opening the link (a mail scanner does) changes nothing: confirming is a POST from the page
        HttpResponse<String> page = world.get(confirm);
        assertThat(page.body()).contains("<button type=\"submit\">Confirmer</button>");
        assertThat(world.service.store().confirmed()).isEmpty();
        world.post(confirm.substring(0, confirm.indexOf('?')), Map.of("jeton", List.of(hiddenToken(page.body()))),
                TestWorld.SITE);
        assertThat(world.service.store().confirmed()).hasSize(1);

        // an incident on an ENT of the region
        Incident incident = TestWorld.incident("2021-04-06-idf-1", List.of("ent77"));
        world.service.listener().onIncidentEvent(incident.updates().get(0), incident);
        MimeMessage alert = awaitMail(2)[1];
        assertThat(alert.getSubject()).isEqualTo("[Vigie] Perturbation : ENT77 – panne majeure");
        assertThat(plain(alert)).contains("Cause probable : saturation (affluence)", "médian 4,2 s",
                "https://etat.vigie.test/incidents/2021-04-06-idf-1/", "Île-de-France (région)");
        assertThat(html(alert)).contains("<li>temps de réponse médian 4,2 s");
        String unsubscribe = link(plain(alert), "desabonner");
        assertThat(alert.getHeader("List-Unsubscribe")[0]).isEqualTo("<" + unsubscribe + ">");
        assertThat(alert.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(plain(alert)).contains(link(plain(alert), "gerer"));

        // RFC 8058 one-click: the mail provider POSTs the URL with this body and no Origin
        HttpResponse<String> gone = world.post(world.local(unsubscribe),
                Map.of("List-Unsubscribe", List.of("One-Click")), null);
        assertThat(gone.statusCode()).isEqualTo(200);
        assertThat(world.service.store().count()).isZero();

        // the address never reached a log line
        // (GreenMail's own DEBUG lines, the test SMTP server's, do show it: only Vigie's lines are ours)
        assertThat(logs.list).filteredOn(e -> e.getLoggerName().startsWith("fr.vigie"))
                .extracting(ILoggingEvent::getFormattedMessage).isNotEmpty()
                .noneMatch(line -> line.contains("parent@exemple.fr") || line.contains("exemple.fr"));
    }

    @Test
    void onlyConcernedSubscribersAreToldAndEachOnce() throws Exception {
        subscribeAndConfirm("idf@exemple.fr", "academie:Créteil");
        subscribeAndConfirm("est@exemple.fr", "region:Grand Est");
        subscribeAndConfirm("tous@exemple.fr", "tout");
        int before = world.smtp.getReceivedMessages().length;
        Incident incident = TestWorld.incident("2021-04-06-idf-2", List.of("ent77"));
        world.service.listener().onIncidentEvent(incident.updates().get(0), incident);
        // the same event told twice (a replay after a restart): the outbox id is the same, nothing more is sent
        world.service.listener().onIncidentEvent(incident.updates().get(0), incident);
        IncidentEvent resolved = new IncidentEvent(incident.id(), 11, Instant.parse("2021-04-06T07:00:00Z"),
                IncidentEvent.Type.RESOLVED, Status.OPERATIONAL, null, List.of(), List.of(), null, "vigie");
        Incident after = TestWorld.incident(incident.id(), List.of("ent77"), resolved);
        world.service.listener().onIncidentEvent(resolved, after);
        MimeMessage[] all = awaitMail(before + 4);
        // GreenMail lists messages mailbox by mailbox: keep the incident ones, whatever their place
        List<String> recipients = java.util.Arrays.stream(all).map(m -> {
            try {
                return m.getAllRecipients()[0].toString() + " " + m.getSubject();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).filter(line -> !line.contains("Confirmez")).toList();
        assertThat(recipients).containsExactlyInAnyOrder(
                "idf@exemple.fr [Vigie] Perturbation : ENT77 – panne majeure",
                "tous@exemple.fr [Vigie] Perturbation : ENT77 – panne majeure",
                "idf@exemple.fr [Vigie] Rétabli : ENT77",
                "tous@exemple.fr [Vigie] Rétabli : ENT77");
        // the entries are marked done after their last batch: poll with a deadline
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (world.service.outbox().pendingCount() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(world.service.outbox().pendingCount()).isZero();
        assertThat(world.smtp.getReceivedMessages()).hasSize(before + 4);
    }

    @Test
    void aServiceJoiningAnIncidentIsToldToTheSubscribersItNewlyConcernsOnly() throws Exception {
        subscribeAndConfirm("idf@exemple.fr", "academie:Créteil");
        subscribeAndConfirm("est@exemple.fr", "region:Grand Est");
        subscribeAndConfirm("tous@exemple.fr", "tout");
        int before = world.smtp.getReceivedMessages().length;
        Incident incident = TestWorld.incident("2021-04-06-join-1", List.of("ent77"));
        world.service.listener().onIncidentEvent(incident.updates().get(0), incident);
        // Mon Bureau Numérique (Grand Est) joins the incident automatically
        IncidentEvent joined = new IncidentEvent(incident.id(), 11, Instant.parse("2021-04-06T06:05:00Z"),
                IncidentEvent.Type.TARGETS_CHANGED, Status.MAJOR_OUTAGE, null, List.of("ent77", "mbn"), List.of(),
                null, "vigie");
        Incident after = TestWorld.incident(incident.id(), List.of("ent77"), joined);
        world.service.listener().onIncidentEvent(joined, after);
        MimeMessage[] all = awaitMail(before + 3);
        List<String> received = java.util.Arrays.stream(all).map(m -> {
            try {
                return m.getAllRecipients()[0].toString() + " " + m.getSubject();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).filter(line -> !line.contains("Confirmez")).toList();
        assertThat(received).containsExactlyInAnyOrder(
                "idf@exemple.fr [Vigie] Perturbation : ENT77 – panne majeure",
                "tous@exemple.fr [Vigie] Perturbation : ENT77 – panne majeure",
                "est@exemple.fr [Vigie] Perturbation : ENT77, Mon Bureau Numérique – panne majeure");
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (world.service.outbox().pendingCount() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(world.service.outbox().pendingCount()).isZero();
        assertThat(world.smtp.getReceivedMessages()).as("those already told get nothing more").hasSize(before + 3);

        // a new subscriber of Grand Est, then ENT77 leaves the incident: a departure is not mailed, not even to them
        subscribeAndConfirm("nouveau@exemple.fr", "region:Grand Est");
        IncidentEvent left = new IncidentEvent(incident.id(), 12, Instant.parse("2021-04-06T06:30:00Z"),
                IncidentEvent.Type.TARGETS_CHANGED, Status.MAJOR_OUTAGE, null, List.of("mbn"), List.of(), null,
                "vigie");
        world.service.listener().onIncidentEvent(left, TestWorld.incident(incident.id(), List.of("ent77"), joined,
                left));
        deadline = System.nanoTime() + 20_000_000_000L;
        while (world.service.outbox().pendingCount() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(world.service.outbox().pendingCount()).isZero();
        assertThat(world.service.outbox().all()).as("the departure was not even queued")
                .noneMatch(e -> e.alert().seq() == 12);
        assertThat(world.smtp.getReceivedMessages()).as("the confirmation only").hasSize(before + 4);
    }

    @Test
    void theManagementLinkChangesChoicesAndDeletesEverything() throws Exception {
        String id = subscribeAndConfirm("prof@exemple.fr", "service:mbn");
        Incident incident = TestWorld.incident("2021-04-06-mbn-1", List.of("mbn"));
        world.service.listener().onIncidentEvent(incident.updates().get(0), incident);
        MimeMessage alert = awaitMail(2)[1];
        String manage = world.local(link(plain(alert), "gerer"));
        HttpResponse<String> page = world.get(manage);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("value=\"service:mbn\" checked", "Me désabonner et effacer mon adresse")
                .doesNotContain("prof@exemple.fr");
        String action = manage.substring(0, manage.indexOf('?'));
        String token = hiddenToken(page.body());
        HttpResponse<String> saved = world.post(action, Map.of("jeton", List.of(token), "action",
                List.of("enregistrer"), "choix", List.of("region:Grand Est", "academie:Paris")), TestWorld.SITE);
        assertThat(saved.body()).contains("Vos choix sont enregistrés");
        assertThat(world.service.store().byId(id).orElseThrow().topics())
                .containsExactly("region:Grand Est", "academie:Paris");
        // a cross-site page cannot use it even with a token
        assertThat(world.post(action, Map.of("jeton", List.of(token), "action", List.of("supprimer")),
                "https://evil.example").statusCode()).isEqualTo(403);
        assertThat(world.service.store().byId(id)).isPresent();
        world.post(action, Map.of("jeton", List.of(token), "action", List.of("supprimer")), TestWorld.SITE);
        assertThat(world.service.store().byId(id)).isEmpty();
        assertThat(world.get(manage).statusCode()).isEqualTo(400);
    }

    @Test
    void badInputIsRefusedInClearFrench() throws Exception {
        HttpResponse<String> invalid = world.subscribe("pas-une-adresse", "tout");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(org.jsoup.Jsoup.parse(invalid.body()).text())
                .contains("Cette adresse n'est pas valide : elle doit avoir la forme nom@domaine.fr.");
        HttpResponse<String> twoAddresses = world.subscribe("Victime <a@exemple.fr>, b@exemple.fr", "tout");
        assertThat(twoAddresses.statusCode()).isEqualTo(400);
        HttpResponse<String> unknownTopic = world.subscribe("a@exemple.fr", "service:inconnu");
        assertThat(unknownTopic.statusCode()).isEqualTo(400);
        assertThat(org.jsoup.Jsoup.parse(unknownTopic.body()).text()).contains("ne correspond à aucun service");
        HttpResponse<String> none = world.subscribe("a@exemple.fr");
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("Cochez au moins");
        // another site's form, or no origin at all (a script): refused
        HttpResponse<String> crossSite = world.post("http://127.0.0.1:" + world.service.port() + "/abonnement/",
                Map.of("adresse", List.of("a@exemple.fr"), "choix", List.of("tout")), "https://evil.example");
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(world.post("http://127.0.0.1:" + world.service.port() + "/abonnement/",
                Map.of("adresse", List.of("a@exemple.fr"), "choix", List.of("tout")), null).statusCode())
                .isEqualTo(403);
        // a forged or altered token
        assertThat(world.get("http://127.0.0.1:" + world.service.port() + "/abonnement/confirmer?jeton=confirm.x.9999999999.AAAA")
                .statusCode()).isEqualTo(400);
        assertThat(world.service.store().count()).isZero();
        assertThat(world.smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void nobodyCanChangeAConfirmedSubscriptionFromTheForm() throws Exception {
        String id = subscribeAndConfirm("cible@exemple.fr", "service:cned");
        assertThat(world.subscribe("cible@exemple.fr", "tout").statusCode()).isEqualTo(200);
        MimeMessage notice = awaitMail(2)[1];
        assertThat(plain(notice)).contains("déjà abonnée", "Rien n'a été changé");
        assertThat(notice.getAllRecipients()[0].toString()).isEqualTo("cible@exemple.fr");
        assertThat(world.service.store().byId(id).orElseThrow().topics()).containsExactly("service:cned");
    }

    @Test
    void ratesAreLimitedPerClientAndPerAddress() throws Exception {
        // per address: 3 confirmation messages a day, whatever the client; the answer does not tell
        for (int i = 0; i < 5; i++) {
            assertThat(world.subscribe("flood@exemple.fr", "tout").statusCode()).isEqualTo(200);
        }
        awaitMail(3);
        assertThat(world.service.outbox().all()).hasSize(3);
        // per client: 5 requests an hour in this configuration, the 6th is refused with Retry-After
        HttpResponse<String> sixth = world.subscribe("autre@exemple.fr", "tout");
        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.headers().firstValue("Retry-After")).isPresent();
        assertThat(sixth.body()).contains("Trop de demandes");
    }

    @Test
    void theGeneratedKeyStaysInTheDataFolderWhenNoneIsConfigured() throws Exception {
        // this world has a configured key: no key file
        assertThat(Files.exists(data.resolve("subscriptions.key"))).isFalse();
        byte[] first = fr.vigie.subscriptions.token.KeyFile.loadOrCreate(data.resolve("other"));
        byte[] again = fr.vigie.subscriptions.token.KeyFile.loadOrCreate(data.resolve("other"));
        assertThat(first).hasSize(32).isEqualTo(again);
        assertThat(Files.getPosixFilePermissions(data.resolve("other/subscriptions.key"))).containsExactlyInAnyOrder(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }
}
