package fr.vigie.alerts;

import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Status;
import fr.vigie.alerts.content.AlertKind;
import fr.vigie.alerts.silence.Silence;
import fr.vigie.alerts.silence.SilenceMatcher;
import fr.vigie.alerts.support.Harness;
import fr.vigie.config.MaintenanceWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Silences from the admin API and the config's maintenance windows suppress notifications. */
class SilenceTest {
    @TempDir
    Path dir;

    @Test
    void aSilenceMutesMatchingIncidentsUntilItIsExpiredThenTheyAreTold() throws Exception {
        try (Harness h = Harness.start(dir)) {
            Silence s = h.service.silences().add("Claire (cellule de crise)", "migration annoncée par la région",
                    Harness.T0.plus(Duration.ofHours(2)),
                    List.of(new SilenceMatcher("region", "Île-de-France"), new SilenceMatcher("cause", "saturation")));
            assertThat(h.service.silences().list()).extracting(Silence::id).containsExactly(s.id());

            h.script.open("idf", "target:ent-idf", Status.MAJOR_OUTAGE, Cause.SATURATION, "ent-idf");
            h.script.open("occ", "target:ent-occ", Status.MAJOR_OUTAGE, Cause.SATURATION, "ent-occ");
            h.advance(Duration.ofSeconds(31));
            h.advance(Duration.ofMinutes(5));
            assertThat(h.outbox()).extracting(e -> e.alert().incident()).containsExactly("occ");

            assertThat(h.service.silences().expire(s.id())).isTrue();
            assertThat(h.service.silences().list()).isEmpty();
            h.advance(Duration.ofSeconds(31));
            assertThat(h.outbox()).extracting(e -> e.alert().kind() + ":" + e.alert().incident())
                    .containsExactly("OPENED:occ", "OPENED:idf");
        }
    }

    @Test
    void aSilenceThatRunsOutLetsTheStillOpenIncidentThroughAndOneResolvedWhileSilencedStaysQuiet() throws Exception {
        try (Harness h = Harness.start(dir)) {
            h.service.silences().add("Marc", "tests de charge", Harness.T0.plus(Duration.ofMinutes(20)),
                    List.of(new SilenceMatcher("target", "cned")));
            h.script.open("cned-1", "target:cned", Status.DEGRADED_PERFORMANCE, Cause.SATURATION, "cned");
            h.script.open("cned-2", "target:cned", Status.DEGRADED_PERFORMANCE, Cause.SATURATION, "cned");
            h.advance(Duration.ofMinutes(5));
            h.script.resolve("cned-2");
            h.advance(Duration.ofMinutes(10));
            assertThat(h.outbox()).isEmpty();

            h.advance(Duration.ofMinutes(10)); // silence over at +20 min
            h.advance(Duration.ofMinutes(1));
            assertThat(h.outbox()).extracting(e -> e.alert().kind() + ":" + e.alert().incident())
                    .containsExactly("OPENED:cned-1");
        }
    }

    @Test
    void aMaintenanceWindowMutesTheTargetsItCoversButNotTheOthers() throws Exception {
        MaintenanceWindow w = new MaintenanceWindow("mep-ovh", List.of("hosting:ovh-gra"), Harness.T0,
                Harness.T0.plus(Duration.ofHours(1)), "Mise en production");
        try (Harness h = Harness.start(dir, List.of(), List.of(w))) {
            h.script.open("occ", "target:ent-occ", Status.MAJOR_OUTAGE, Cause.MAINTENANCE, "ent-occ");
            h.script.open("edu", "target:educonnect", Status.MAJOR_OUTAGE, Cause.APPLICATION, "educonnect");
            h.advance(Duration.ofSeconds(31));
            assertThat(h.outbox()).extracting(e -> e.alert().incident()).containsExactly("edu");

            h.advance(Duration.ofHours(1)); // maintenance over, the outage goes on
            h.advance(Duration.ofMinutes(1));
            assertThat(h.outbox()).extracting(e -> e.alert().kind() + ":" + e.alert().incident())
                    .contains("OPENED:occ");
        }
    }

    @Test
    void aSilenceNeedsAnAuthorAReasonAFutureEndAndKnownLabels() throws Exception {
        try (Harness h = Harness.start(dir)) {
            var reg = h.service.silences();
            var until = Harness.T0.plus(Duration.ofHours(1));
            assertThatThrownBy(() -> reg.add(" ", "x", until, List.of())).hasMessageContaining("who");
            assertThatThrownBy(() -> reg.add("a", "", until, List.of())).hasMessageContaining("why");
            assertThatThrownBy(() -> reg.add("a", "b", Harness.T0, List.of())).hasMessageContaining("future");
            assertThatThrownBy(() -> new SilenceMatcher("colour", "red")).hasMessageContaining("unknown silence label");
            assertThat(reg.expire("nope")).isFalse();
            assertThat(h.kinds("crise")).doesNotContain(AlertKind.OPENED);
        }
    }

    @Test
    void silencesSurviveARestart() throws Exception {
        String id;
        try (Harness h = Harness.start(dir)) {
            id = h.service.silences().add("Claire", "bascule du datacentre", Harness.T0.plus(Duration.ofDays(2)),
                    List.of(new SilenceMatcher("hosting", "ovh-gra"))).id();
            String gone = h.service.silences().add("Marc", "essai", Harness.T0.plus(Duration.ofDays(2)), List.of()).id();
            h.service.silences().expire(gone);
        }
        try (Harness h = Harness.start(dir)) {
            assertThat(h.service.silences().list()).extracting(Silence::id).containsExactly(id);
            assertThat(h.service.silences().list().get(0).matchers())
                    .containsExactly(new SilenceMatcher("hosting", "ovh-gra"));
            h.script.open("occ", "target:ent-occ", Status.MAJOR_OUTAGE, Cause.STORAGE, "ent-occ");
            h.advance(Duration.ofMinutes(5));
            assertThat(h.outbox()).isEmpty();
        }
    }
}
