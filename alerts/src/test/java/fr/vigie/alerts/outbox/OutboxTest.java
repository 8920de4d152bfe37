package fr.vigie.alerts.outbox;

import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Status;
import fr.vigie.alerts.content.Alert;
import fr.vigie.alerts.content.AlertKind;
import fr.vigie.alerts.content.ServiceRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The SQLite outbox: stable ids, per-receiver FIFO, state that survives a reopen, WAL mode. */
class OutboxTest {
    @TempDir
    Path dir;

    static Alert alert(String incident, long seq) {
        Instant t = Instant.parse("2026-03-16T08:00:00Z");
        return new Alert(incident + "#" + seq, AlertKind.OPENED, incident, seq, "target:cned", Status.MAJOR_OUTAGE,
                Cause.STORAGE, List.of(new ServiceRef("cned", "Ma classe à la maison")), List.of("disque plein"),
                t, null, t, "https://statut.vigie.example/incidents/" + incident + "/", null);
    }

    @Test
    void idsAreStableAndAnIdIsWrittenOnce() {
        assertThat(NotificationId.of("inc#3", "crise")).isEqualTo(NotificationId.of("inc#3", "crise"))
                .isNotEqualTo(NotificationId.of("inc#3", "slack")).isNotEqualTo(NotificationId.of("inc#4", "crise"))
                .matches("msg_[0-9a-f]{32}");
        try (Outbox o = Outbox.open(dir.resolve("o.db"))) {
            String id = NotificationId.of("inc#3", "crise");
            assertThat(o.enqueue(id, "crise", alert("inc", 3), Instant.EPOCH)).isTrue();
            assertThat(o.enqueue(id, "crise", alert("inc", 3), Instant.EPOCH)).as("replayed event").isFalse();
            assertThat(o.all()).hasSize(1);
        }
    }

    @Test
    void pendingNotificationsComeOutPerReceiverInOrderAndSurviveAReopen() throws Exception {
        Path file = dir.resolve("sub/o.db");
        try (Outbox o = Outbox.open(file)) {
            for (int i = 1; i <= 3; i++) {
                o.enqueue("a" + i, "crise", alert("inc-" + i, i), Instant.EPOCH);
                o.enqueue("b" + i, "slack", alert("inc-" + i, i), Instant.EPOCH);
            }
            o.markDelivered("a1", Instant.EPOCH.plusSeconds(1));
            o.recordFailure("a2", "HTTP 503");
        }
        try (Outbox o = Outbox.open(file)) {
            assertThat(o.nextPending("crise").orElseThrow().id()).isEqualTo("a2");
            assertThat(o.nextPending("crise").orElseThrow().attempts()).isEqualTo(1);
            assertThat(o.nextPending("slack").orElseThrow().id()).isEqualTo("b1");
            assertThat(o.pending()).extracting(OutboxEntry::id).containsExactly("b1", "a2", "b2", "a3", "b3");
            assertThat(o.receiversWithPending()).containsExactlyInAnyOrder("crise", "slack");
            assertThat(o.pendingCount("crise")).isEqualTo(2);
            assertThat(o.pendingCount("slack")).isEqualTo(3);
            assertThat(o.pendingCount("nobody")).isZero();
            OutboxEntry delivered = o.all().get(0);
            assertThat(delivered.state()).isEqualTo(OutboxEntry.State.DELIVERED);
            assertThat(delivered.alert()).isEqualTo(alert("inc-1", 1));
            assertThat(o.lastAlertOf("inc-2").orElseThrow().seq()).isEqualTo(2);
            assertThat(o.dropPending("slack", "HTTP 410 Gone", Instant.EPOCH)).isEqualTo(3);
            assertThat(o.nextPending("slack")).isEmpty();
        }
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file); var rs = c.createStatement()
                .executeQuery("PRAGMA journal_mode")) {
            assertThat(rs.getString(1)).isEqualTo("wal");
        }
    }
}
