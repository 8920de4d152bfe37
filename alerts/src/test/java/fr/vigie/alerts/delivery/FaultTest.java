package fr.vigie.alerts.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Status;
import fr.vigie.alerts.content.AlertJson;
import fr.vigie.alerts.content.AlertKind;
import fr.vigie.alerts.outbox.OutboxEntry;
import fr.vigie.alerts.support.Await;
import fr.vigie.alerts.support.Harness;
import fr.vigie.alerts.support.Receiver;
import fr.vigie.alerts.support.Receiver.Reply;
import fr.vigie.alerts.support.TestConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Receivers that fail, recover, answer slowly or disappear; a Vigie restarted with pending notifications. */
class FaultTest {
    @TempDir
    Path dir;

    private static void openThree(Harness h) throws Exception {
        h.script.open("idf", "target:ent-idf", Status.MAJOR_OUTAGE, Cause.SATURATION, "ent-idf");
        h.script.open("cned", "target:cned", Status.PARTIAL_OUTAGE, Cause.STORAGE, "cned");
        h.script.open("edu", "target:educonnect", Status.DEGRADED_PERFORMANCE, Cause.NETWORK, "educonnect");
        h.advance(Duration.ofSeconds(31));
        h.script.status("idf", Status.PARTIAL_OUTAGE);
        h.script.resolve("cned");
        h.advance(Duration.ofSeconds(31));
    }

    private static List<String> ids(Harness h, String receiver) {
        return h.outbox().stream().filter(e -> e.receiver().equals(receiver)).map(OutboxEntry::id).toList();
    }

    @Test
    void aReceiverDownForAWhileGetsEveryNotificationOncePerIdInOrder() throws Exception {
        try (Harness h = Harness.start(dir)) {
            h.crise.answer(i -> i < 6 ? Reply.status(503) : Reply.ok("ok"));
            openThree(h);
            List<String> expected = ids(h, "crise");
            assertThat(expected).hasSize(5);

            Await.until("every notification acknowledged", Duration.ofSeconds(20),
                    () -> h.service.outbox().pending().isEmpty());
            assertThat(h.crise.hits().size()).as("the 503s were retried").isGreaterThanOrEqualTo(11);
            assertThat(h.crise.accepted()).extracting(hit -> hit.header("webhook-id"))
                    .containsExactlyElementsOf(expected);
        }
    }

    @Test
    void retryAfterIsHonoured() throws Exception {
        try (Harness h = Harness.start(dir)) {
            h.crise.answer(i -> i == 0 ? new Reply(503, "", Duration.ZERO, "1") : Reply.ok("ok"));
            h.script.open("idf", "target:ent-idf", Status.MAJOR_OUTAGE, Cause.SATURATION, "ent-idf");
            h.advance(Duration.ofSeconds(31));
            Await.until("delivered after the pause", Duration.ofSeconds(10), () -> h.crise.accepted().size() == 1);
            List<Receiver.Hit> hits = h.crise.hits();
            assertThat(hits.get(1).header("webhook-id")).isEqualTo(hits.get(0).header("webhook-id"));
            assertThat(Duration.ofNanos(hits.get(1).receivedNanos() - hits.get(0).receivedNanos()))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(950));
        }
    }

    @Test
    void notificationsPendingWhenVigieStopsAreDeliveredAfterRestartFromTheSameOutbox() throws Exception {
        List<String> expected;
        List<String> triedBeforeCrash;
        try (Harness h = Harness.start(dir)) {
            h.crise.answer(i -> Reply.status(503)); // receiver down: nothing can be acknowledged
            openThree(h);
            expected = ids(h, "crise");
            Await.until("a first attempt failed", Duration.ofSeconds(5), () -> !h.crise.hits().isEmpty());
            triedBeforeCrash = h.crise.hits().stream().map(hit -> hit.header("webhook-id")).distinct().toList();
            assertThat(h.service.outbox().pending()).hasSize(5);
        } // closed with pending notifications, like a killed process: nothing else is written at close

        try (Harness restarted = Harness.start(dir)) {
            Await.until("pending notifications delivered after restart", Duration.ofSeconds(10),
                    () -> restarted.crise.accepted().size() == 5);
            assertThat(restarted.crise.accepted()).extracting(hit -> hit.header("webhook-id"))
                    .containsExactlyElementsOf(expected)
                    .startsWith(triedBeforeCrash.get(0));
            Await.until("all marked delivered", Duration.ofSeconds(5),
                    () -> restarted.service.outbox().pending().isEmpty());
            JsonNode first = AlertJson.mapper().readTree(restarted.crise.accepted().get(0).body());
            assertThat(first.path("data").path("incident").asText()).isEqualTo("idf");
        }
    }

    @Test
    void aSlowReceiverDoesNotDelayAnother() throws Exception {
        try (Harness h = Harness.start(dir, List.of(TestConfigs.route(List.of("crise", "slack-idf"), false)),
                Harness.fastDelivery())) {
            h.crise.answer(i -> Reply.slow(Duration.ofSeconds(3)));
            h.script.open("idf", "target:ent-idf", Status.MAJOR_OUTAGE, Cause.SATURATION, "ent-idf");
            h.script.open("occ", "target:ent-occ", Status.MAJOR_OUTAGE, Cause.SATURATION, "ent-occ");
            h.advance(Duration.ofSeconds(31));
            // both notifications reach the fast receiver while the slow one still holds its first answer
            Await.until("the fast receiver got both", Duration.ofMillis(2800), () -> h.slack.accepted().size() == 2);
            assertThat(h.crise.accepted()).as("the slow one has not answered yet").isEmpty();
            Await.until("the slow receiver gets there too", Duration.ofSeconds(10), () -> h.crise.accepted().size() == 2);
        }
    }

    @Test
    void aReceiverFailingLongerThanTheThresholdRaisesAnInternalAlertThroughAnotherRoute() throws Exception {
        DeliverySettings settings = new DeliverySettings(Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofMinutes(10), Duration.ofMillis(20));
        try (Harness h = Harness.start(dir, List.of(), settings)) {
            h.crise.answer(i -> Reply.status(502));
            h.script.open("idf", "target:ent-idf", Status.MAJOR_OUTAGE, Cause.SATURATION, "ent-idf");
            h.advance(Duration.ofSeconds(31));
            Await.until("a few failures", Duration.ofSeconds(5), () -> h.crise.hits().size() >= 3);
            assertThat(h.kinds("slack-idf")).as("not before the threshold").isEmpty();

            h.advance(Duration.ofMinutes(11));
            Await.until("internal alert delivered to the other receiver", Duration.ofSeconds(5),
                    () -> h.slack.accepted().size() == 1);
            assertThat(h.slack.accepted().get(0).body()).contains("Alerte interne", "crise",
                    "ne reçoit plus les alertes");

            h.crise.answer(i -> Reply.ok("ok"));
            Await.until("recovered", Duration.ofSeconds(5), () -> h.slack.accepted().size() == 2);
            assertThat(h.slack.accepted().get(1).body()).contains("reçoit de nouveau");
            assertThat(h.crise.accepted()).hasSize(1);
        }
    }

    @Test
    void a410DisablesTheEndpointAndRaisesAnInternalAlert() throws Exception {
        try (Harness h = Harness.start(dir)) {
            h.crise.answer(i -> Reply.status(410));
            h.script.open("idf", "target:ent-idf", Status.MAJOR_OUTAGE, Cause.SATURATION, "ent-idf");
            h.script.open("occ", "target:ent-occ", Status.MAJOR_OUTAGE, Cause.SATURATION, "ent-occ");
            h.advance(Duration.ofSeconds(31));
            Await.until("internal alert on slack", Duration.ofSeconds(5), () -> h.slack.accepted().size() == 1);
            assertThat(h.service.disabled("crise")).isTrue();
            assertThat(h.crise.hits()).as("no more calls to a gone endpoint").hasSize(1);
            assertThat(h.slack.accepted().get(0).body()).contains("410", "désactivé");
            assertThat(h.outbox()).filteredOn(e -> e.receiver().equals("crise"))
                    .extracting(OutboxEntry::state).containsOnly(OutboxEntry.State.DROPPED);
            assertThat(h.outbox()).filteredOn(e -> e.receiver().equals("slack-idf"))
                    .extracting(e -> e.alert().kind()).containsExactly(AlertKind.INTERNAL);
        }
    }

    @Test
    void anIncidentToldBeforeARestartIsResolvedAfterItAndNotReopened() throws Exception {
        fr.vigie.alerts.support.IncidentScript before;
        try (Harness h = Harness.start(dir)) {
            h.script.open("idf", "target:ent-idf", Status.MAJOR_OUTAGE, Cause.SATURATION, "ent-idf");
            h.advance(Duration.ofSeconds(31));
            Await.until("opened delivered", Duration.ofSeconds(5), () -> h.crise.accepted().size() == 1);
            before = h.script;
        }
        try (Harness h = Harness.start(dir)) {
            fr.vigie.alerts.support.IncidentScript script = before.continueWith(h.service.listener());
            script.status("idf", Status.PARTIAL_OUTAGE);
            h.advance(Duration.ofSeconds(31));
            script.resolve("idf");
            h.advance(Duration.ofSeconds(31));
            assertThat(h.kinds("crise")).containsExactly(AlertKind.OPENED, AlertKind.UPDATED, AlertKind.RESOLVED);
            Await.until("update and resolve delivered", Duration.ofSeconds(5), () -> h.crise.accepted().size() == 2);
        }
    }

    @Test
    void aResponseSlowerThanTheResponseTimeoutIsRetriedWithTheSameId() throws Exception {
        DeliverySettings settings = new DeliverySettings(Duration.ofSeconds(1), Duration.ofMillis(1000),
                Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofHours(1), Duration.ofMillis(20));
        try (Harness h = Harness.start(dir, List.of(), settings)) {
            h.crise.answer(i -> i == 0 ? Reply.slow(Duration.ofMillis(2500)) : Reply.ok("ok"));
            h.script.open("idf", "target:ent-idf", Status.MAJOR_OUTAGE, Cause.SATURATION, "ent-idf");
            h.advance(Duration.ofSeconds(31));
            Await.until("delivered on the second attempt", Duration.ofSeconds(10),
                    () -> h.service.outbox().pending().isEmpty());
            OutboxEntry n = h.outbox().get(0);
            assertThat(n.state()).isEqualTo(OutboxEntry.State.DELIVERED);
            assertThat(n.attempts()).as("the time-out counted as a failed attempt").isGreaterThanOrEqualTo(2);
            Await.until("the slow answer was written too", Duration.ofSeconds(5),
                    () -> h.crise.hits().size() == n.attempts());
            assertThat(h.crise.hits().get(0).answeredCode()).isEqualTo(200);
            assertThat(h.crise.hits()).extracting(hit -> hit.header("webhook-id")).containsOnly(n.id());
        }
    }
}
