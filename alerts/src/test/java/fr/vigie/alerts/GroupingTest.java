package fr.vigie.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Status;
import fr.vigie.alerts.content.AlertJson;
import fr.vigie.alerts.content.AlertKind;
import fr.vigie.alerts.outbox.OutboxEntry;
import fr.vigie.alerts.support.Await;
import fr.vigie.alerts.support.Harness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One notification per incident and per meaningful change, after the group wait; reminders; resolve. */
class GroupingTest {
    @TempDir
    Path dir;
    Harness h;

    @BeforeEach
    void start() throws Exception {
        h = Harness.start(dir);
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
    }

    @Test
    void targetsFailingTogetherArriveInOneMessageAfterTheGroupWait() throws Exception {
        h.script.open("inc-ovh", "hosting:ovh-gra", Status.DEGRADED_PERFORMANCE, Cause.SATURATION, "ent-idf");
        h.advance(Duration.ofSeconds(10));
        h.script.targets("inc-ovh", "ent-idf", "ent-occ");
        h.script.status("inc-ovh", Status.MAJOR_OUTAGE);
        h.advance(Duration.ofSeconds(10));
        assertThat(h.outbox()).as("nothing before the group wait is over").isEmpty();

        h.advance(Duration.ofSeconds(11));

        List<OutboxEntry> sent = h.outbox();
        assertThat(sent).hasSize(1);
        OutboxEntry n = sent.get(0);
        assertThat(n.alert().kind()).isEqualTo(AlertKind.OPENED);
        assertThat(n.alert().status()).isEqualTo(Status.MAJOR_OUTAGE);
        assertThat(n.alert().services()).extracting(s -> s.name()).containsExactly("Monlycée.net", "ENT Occitanie");
        assertThat(n.alert().seq()).isEqualTo(h.script.lastSeq());

        Await.until("crise webhook got the opening", Duration.ofSeconds(5), () -> h.crise.accepted().size() == 1);
        JsonNode body = AlertJson.mapper().readTree(h.crise.accepted().get(0).body());
        assertThat(body.path("type").asText()).isEqualTo("incident.opened");
        assertThat(body.path("data").path("services")).hasSize(2);
    }

    @Test
    void anIncidentGrowingFromOneToTenServicesIsToldAgainWhenItsScopeGrowsMaterially() throws Exception {
        h.script.open("inc-grow", "hosting:ovh-gra", Status.MAJOR_OUTAGE, Cause.SATURATION, "s1");
        h.advance(Duration.ofSeconds(31));
        List<String> targets = new java.util.ArrayList<>(List.of("s1"));
        for (int i = 2; i <= 10; i++) {
            targets.add("s" + i);
            h.script.targets("inc-grow", targets.toArray(String[]::new));
            h.advance(Duration.ofSeconds(31));
        }
        assertThat(h.outbox()).extracting(e -> e.alert().services().size()).containsExactly(1, 3, 5, 8);
        assertThat(h.kinds("crise")).containsExactly(AlertKind.OPENED, AlertKind.UPDATED, AlertKind.UPDATED,
                AlertKind.UPDATED);
    }

    @Test
    void aCauseFlippingBackAndForthIsToldOnceAndUnderAnalysisIsNotNews() throws Exception {
        h.script.open("inc-flip", "target:cned", Status.PARTIAL_OUTAGE, Cause.UNKNOWN, "cned");
        h.advance(Duration.ofSeconds(31));
        for (Cause c : List.of(Cause.NETWORK, Cause.ATTACK, Cause.NETWORK, Cause.ATTACK, Cause.UNKNOWN,
                Cause.NETWORK)) {
            h.script.cause("inc-flip", c);
            h.advance(Duration.ofSeconds(31));
        }
        assertThat(h.outbox()).extracting(e -> e.alert().cause())
                .containsExactly(Cause.UNKNOWN, Cause.NETWORK, Cause.ATTACK);
    }

    @Test
    void evidenceAloneIsNotAChangeButStatusCauseAndResolveAre() throws Exception {
        h.script.open("inc-1", "target:cned", Status.PARTIAL_OUTAGE, Cause.NETWORK, "cned");
        h.advance(Duration.ofSeconds(31));
        h.script.evidence("inc-1", "12 % des connexions refusées");
        h.advance(Duration.ofSeconds(31));
        assertThat(h.kinds("crise")).containsExactly(AlertKind.OPENED);

        h.script.cause("inc-1", Cause.STORAGE);
        h.advance(Duration.ofSeconds(31));
        h.script.status("inc-1", Status.MAJOR_OUTAGE);
        h.advance(Duration.ofSeconds(31));
        h.script.resolve("inc-1");
        h.advance(Duration.ofSeconds(31));

        assertThat(h.kinds("crise")).containsExactly(AlertKind.OPENED, AlertKind.UPDATED, AlertKind.UPDATED,
                AlertKind.RESOLVED);
        List<OutboxEntry> all = h.outbox();
        assertThat(all.get(1).alert().cause()).isEqualTo(Cause.STORAGE);
        assertThat(all.get(2).alert().status()).isEqualTo(Status.MAJOR_OUTAGE);
        assertThat(all).extracting(OutboxEntry::id).doesNotHaveDuplicates();
        Await.until("four deliveries", Duration.ofSeconds(5), () -> h.crise.accepted().size() == 4);
        assertThat(h.crise.accepted()).extracting(hit -> hit.header("webhook-id"))
                .containsExactlyElementsOf(all.stream().map(OutboxEntry::id).toList());
    }

    @Test
    void anIncidentResolvedWithinTheGroupWaitIsNeverNotified() throws Exception {
        h.script.open("flap", "target:ent-idf", Status.MAJOR_OUTAGE, Cause.NETWORK, "ent-idf");
        h.advance(Duration.ofSeconds(5));
        h.script.resolve("flap");
        h.advance(Duration.ofMinutes(5));
        assertThat(h.outbox()).isEmpty();
        assertThat(h.service.dispatcher().tracked().get()).isEmpty();
    }

    @Test
    void anIncidentStillOpenIsRepeatedAfterTheRepeatIntervalUntilResolved() throws Exception {
        h.script.open("long", "target:educonnect", Status.MAJOR_OUTAGE, Cause.APPLICATION, "educonnect");
        h.advance(Duration.ofSeconds(30));
        h.advance(Duration.ofHours(3).plusMinutes(59));
        assertThat(h.kinds("crise")).containsExactly(AlertKind.OPENED);
        h.advance(Duration.ofMinutes(1));
        assertThat(h.kinds("crise")).containsExactly(AlertKind.OPENED, AlertKind.REMINDER);
        h.advance(Duration.ofHours(4));
        assertThat(h.kinds("crise")).containsExactly(AlertKind.OPENED, AlertKind.REMINDER, AlertKind.REMINDER);
        assertThat(h.outbox()).extracting(OutboxEntry::id).doesNotHaveDuplicates();

        h.script.resolve("long");
        h.advance(Duration.ofSeconds(30));
        h.advance(Duration.ofHours(8));
        assertThat(h.kinds("crise")).containsExactly(AlertKind.OPENED, AlertKind.REMINDER, AlertKind.REMINDER,
                AlertKind.RESOLVED);
    }

    @Test
    void theResolvedNotificationSaysWhenItEndedAndLinksTheIncidentPage() throws Exception {
        h.script.open("inc-r", "target:ent-idf", Status.MAJOR_OUTAGE, Cause.SATURATION, "ent-idf");
        h.advance(Duration.ofSeconds(30));
        h.advance(Duration.ofMinutes(20));
        h.script.resolve("inc-r");
        h.advance(Duration.ofSeconds(30));

        Await.until("opened and resolved delivered", Duration.ofSeconds(5), () -> h.crise.accepted().size() == 2);
        JsonNode resolved = AlertJson.mapper().readTree(h.crise.accepted().get(1).body());
        assertThat(resolved.path("type").asText()).isEqualTo("incident.resolved");
        assertThat(resolved.path("data").path("resolvedAt").asText()).isEqualTo("2026-03-16T08:15:30Z");
        assertThat(resolved.path("data").path("link").asText())
                .isEqualTo("https://statut.vigie.example/incidents/inc-r/");
        assertThat(resolved.path("data").path("text").asText())
                .contains("Incident résolu", "Monlycée.net", "Début : 16 mars 2026 à 08h55 (Europe/Paris)");
    }
}
