package fr.vigie.alerts;

import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Status;
import fr.vigie.alerts.content.AlertKind;
import fr.vigie.alerts.outbox.OutboxEntry;
import fr.vigie.alerts.support.Harness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A vantage problem inhibits every service alert; a hosting-group incident inhibits its per-target ones. */
class InhibitionTest {
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
    void anOpenVantageIncidentSendsOneInternalAlertAndMutesServiceAlertsUntilItEnds() throws Exception {
        h.script.open("vantage-1", "vantage", Status.MAJOR_OUTAGE, Cause.VANTAGE, "ent-idf", "cned", "educonnect");
        h.script.open("idf", "target:ent-idf", Status.MAJOR_OUTAGE, Cause.NETWORK, "ent-idf");
        h.script.open("cned", "target:cned", Status.MAJOR_OUTAGE, Cause.NETWORK, "cned");
        h.advance(Duration.ofSeconds(31));
        h.advance(Duration.ofMinutes(10));

        List<OutboxEntry> sent = h.outbox();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).alert().kind()).isEqualTo(AlertKind.INTERNAL);
        assertThat(sent.get(0).alert().incident()).isEqualTo("vantage-1");
        assertThat(sent.get(0).alert().link()).as("a vantage incident has no public page").isNull();
        assertThat(sent.get(0).alert().message()).contains("sondes de Vigie");

        h.script.resolve("vantage-1");
        h.advance(Duration.ofSeconds(31));

        assertThat(h.outbox()).extracting(e -> e.alert().kind() + ":" + e.alert().incident())
                .containsExactlyInAnyOrder("INTERNAL:vantage-1", "INTERNAL:vantage-1", "OPENED:idf", "OPENED:cned");
    }

    @Test
    void aHostingGroupIncidentInhibitsThePerTargetAlertsOfItsTargetsOnly() throws Exception {
        h.script.open("ovh", "hosting:ovh-gra", Status.MAJOR_OUTAGE, Cause.SATURATION, "ent-idf", "ent-occ");
        h.script.open("idf", "target:ent-idf", Status.MAJOR_OUTAGE, Cause.SATURATION, "ent-idf");
        h.script.open("occ", "target:ent-occ", Status.PARTIAL_OUTAGE, Cause.SATURATION, "ent-occ");
        h.script.open("cned", "target:cned", Status.PARTIAL_OUTAGE, Cause.STORAGE, "cned");
        h.advance(Duration.ofSeconds(31));

        assertThat(h.outbox()).extracting(e -> e.alert().incident()).containsExactlyInAnyOrder("ovh", "cned");

        h.script.resolve("ovh");
        h.advance(Duration.ofSeconds(31));
        assertThat(h.outbox()).extracting(e -> e.alert().kind() + ":" + e.alert().incident())
                .contains("RESOLVED:ovh", "OPENED:idf", "OPENED:occ");
    }
}
