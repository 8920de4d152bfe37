package fr.vigie.alerts;

import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.IncidentEvent;
import fr.vigie.aggregator.Status;
import fr.vigie.alerts.outbox.OutboxEntry;
import fr.vigie.alerts.routing.IncidentLabels;
import fr.vigie.alerts.routing.Router;
import fr.vigie.alerts.routing.TargetDirectory;
import fr.vigie.alerts.support.Await;
import fr.vigie.alerts.support.Harness;
import fr.vigie.alerts.support.TestConfigs;
import fr.vigie.config.AlertsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Routes match on kind, region, académie, hosting group, cause and status; continue; default receivers. */
class RoutingTest {
    @TempDir
    Path dir;

    static final AlertsConfig.Route IDF_ENT = new AlertsConfig.Route(List.of("ent"), List.of("Île-de-France"),
            List.of(), List.of(), List.of(), List.of(), List.of("slack-idf"), true);
    static final AlertsConfig.Route ATTACKS = new AlertsConfig.Route(List.of(), List.of(), List.of(), List.of(),
            List.of("attack"), List.of(), List.of("anssi"), false);
    static final AlertsConfig.Route TOULOUSE_OUTAGES = new AlertsConfig.Route(List.of(), List.of(), List.of("toulouse"),
            List.of(), List.of(), List.of("major_outage", "partial_outage"), List.of("rectorat-toulouse"), false);
    static final AlertsConfig.Route CNED_DC = new AlertsConfig.Route(List.of(), List.of(), List.of(),
            List.of("cned-dc"), List.of(), List.of(), List.of("cned-astreinte"), false);

    private final Router router = new Router(TestConfigs.alerts(Map.of(),
            List.of(IDF_ENT, ATTACKS, TOULOUSE_OUTAGES, CNED_DC), List.of("crise")));
    private final TargetDirectory dir0 = new TargetDirectory(TestConfigs.targets());

    private List<String> route(String scope, Status status, Cause cause, String... targets) {
        IncidentEvent e = new IncidentEvent("i", 1, Instant.EPOCH, IncidentEvent.Type.OPENED, status, cause,
                List.of(targets), List.of(), null, "vigie");
        return router.receiversFor(IncidentLabels.of(Incident.fold(scope, List.of(e)), dir0));
    }

    @Test
    void routesMatchEveryNonEmptyMatcherInOrderAndContinueWhenAsked() {
        assertThat(route("target:ent-idf", Status.MAJOR_OUTAGE, Cause.ATTACK, "ent-idf"))
                .as("IDF route continues to the attack route").containsExactly("slack-idf", "anssi");
        assertThat(route("target:ent-idf", Status.MAJOR_OUTAGE, Cause.SATURATION, "ent-idf"))
                .as("IDF route continues, nothing else matches, and a match means no default")
                .containsExactly("slack-idf");
        assertThat(route("target:ent-occ", Status.PARTIAL_OUTAGE, Cause.STORAGE, "ent-occ"))
                .as("académie (case-insensitive) and status").containsExactly("rectorat-toulouse");
        assertThat(route("target:ent-occ", Status.DEGRADED_PERFORMANCE, Cause.STORAGE, "ent-occ"))
                .as("status does not match: default").containsExactly("crise");
        assertThat(route("target:cned", Status.MAJOR_OUTAGE, Cause.NETWORK, "cned"))
                .as("hosting group").containsExactly("cned-astreinte");
        assertThat(route("target:cned", Status.MAJOR_OUTAGE, Cause.ATTACK, "cned"))
                .as("first match wins without continue").containsExactly("anssi");
        assertThat(route("hosting:ovh-gra", Status.MAJOR_OUTAGE, Cause.SATURATION, "ent-idf", "ent-occ"))
                .as("labels of every target of a grouped incident").containsExactly("slack-idf", "rectorat-toulouse");
    }

    @Test
    void internalAlertsTakeTheDefaultRouteOrAnotherReceiverThanTheOneConcerned() {
        assertThat(router.internalReceivers("slack-idf")).containsExactly("crise");
        Router onlyCrise = new Router(TestConfigs.alerts(Map.of(
                "crise", Harness.webhook("crise", "http://127.0.0.1:9/x"),
                "slack-idf", Harness.webhook("slack-idf", "http://127.0.0.1:9/y")), List.of(), List.of("crise")));
        assertThat(onlyCrise.internalReceivers("crise")).containsExactly("slack-idf");
    }

    @Test
    void oneIncidentRoutedToTwoReceiversGivesOneNotificationEachWithItsOwnStableId() throws Exception {
        try (Harness h = Harness.start(dir, List.of(IDF_ENT), List.of())) {
            h.script.open("idf", "target:ent-idf", Status.MAJOR_OUTAGE, Cause.SATURATION, "ent-idf");
            h.advance(Duration.ofSeconds(31));
            // IDF_ENT continues, nothing else matches; receivers are slack-idf only (a match means no default)
            assertThat(h.outbox()).extracting(OutboxEntry::receiver).containsExactly("slack-idf");
            Await.until("slack got it", Duration.ofSeconds(5), () -> h.slack.accepted().size() == 1);
        }
        try (Harness h = Harness.start(dir.resolve("b"), List.of(IDF_ENT, TestConfigs.route(List.of("crise"), false)),
                List.of())) {
            h.script.open("idf", "target:ent-idf", Status.MAJOR_OUTAGE, Cause.SATURATION, "ent-idf");
            h.advance(Duration.ofSeconds(31));
            List<OutboxEntry> sent = h.outbox();
            assertThat(sent).extracting(OutboxEntry::receiver).containsExactly("slack-idf", "crise");
            assertThat(sent.get(0).id()).isNotEqualTo(sent.get(1).id());
            Await.until("both got it", Duration.ofSeconds(5),
                    () -> h.slack.accepted().size() == 1 && h.crise.accepted().size() == 1);
        }
    }
}
