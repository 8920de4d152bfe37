package fr.vigie.alerts.delivery;

import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Status;
import fr.vigie.alerts.outbox.OutboxEntry;
import fr.vigie.alerts.support.Harness;
import fr.vigie.alerts.support.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 19: after a receiver outage, pending alerts waited 103 s after the receiver came back. The promise is
 * that delivery resumes within 30 s of a receiver's return, without hammering a receiver that stays down.
 * <p>
 * Played on the production schedule sped up {@value #SPEED} times (1 s doubling to 30 s becomes 20 ms doubling to
 * 600 ms), against a real receiver whose port is closed (connections refused) and then opened again. The bound
 * is checked by the schedule itself, not by a stopwatch on a loaded machine: every wait the channel chose is at
 * most the promise, the first attempt after the last wait delivers, and the rest follow at once.
 */
class ReceiverReturnTest {
    static final int SPEED = 50;
    /** The promise, sped up like the schedule. */
    static final Duration PROMISE = Duration.ofSeconds(30).dividedBy(SPEED);
    private static final Pattern RETRY = Pattern.compile(
            "receiver=crise notification=(\\S+) attempt failed: .*; retry in (\\d+) ms");

    @TempDir
    Path dir;

    /** The production schedule, {@link #SPEED} times faster; nothing else changed that the test relies on. */
    private static DeliverySettings spedUpDefaults() {
        DeliverySettings d = DeliverySettings.defaults();
        return new DeliverySettings(Duration.ofSeconds(1), Duration.ofSeconds(5), d.initialBackoff().dividedBy(SPEED),
                d.maxBackoff().dividedBy(SPEED), Duration.ofHours(1), Duration.ofMillis(20));
    }

    private static List<Long> waits(LogCapture logs) {
        List<Long> out = new ArrayList<>();
        for (String line : logs.lines()) {
            Matcher m = RETRY.matcher(line);
            if (m.find()) out.add(Long.parseLong(m.group(2)));
        }
        return out;
    }

    @Test
    void deliveryResumesWithinTheCapOfTheReceiversReturnAndADownReceiverIsNotHammered() throws Exception {
        try (LogCapture logs = new LogCapture(); Harness h = Harness.start(dir, List.of(), spedUpDefaults())) {
            h.crise.stop(); // the crisis cell's receiver is down: its port refuses connections
            long downAt = System.nanoTime();
            h.script.open("idf", "target:ent-idf", Status.MAJOR_OUTAGE, Cause.SATURATION, "ent-idf");
            h.script.open("cned", "target:cned", Status.PARTIAL_OUTAGE, Cause.STORAGE, "cned");
            h.advance(Duration.ofSeconds(31));
            h.script.status("idf", Status.PARTIAL_OUTAGE);
            h.script.resolve("cned");
            h.advance(Duration.ofSeconds(31));
            List<String> expected = h.outbox().stream().filter(e -> e.receiver().equals("crise"))
                    .map(OutboxEntry::id).toList();
            assertThat(expected).hasSize(4);

            // Down long enough for the back-off to reach its cap and stay there for three attempts
            // (failures 1-5 ramp up from 20 ms, the 6th and later are capped).
            await("the back-off reached its cap and held it").atMost(Duration.ofSeconds(60))
                    .until(() -> waits(logs).size() >= 9);
            System.out.println("DBG restart at " + java.time.LocalTime.now());
            long returnedAt = h.crise.restart();
            System.out.println("DBG restarted at " + java.time.LocalTime.now());
            long outage = returnedAt - downAt;

            await("every pending notification delivered").atMost(Duration.ofSeconds(30))
                    .until(() -> h.crise.accepted().size() == expected.size()
                            && h.service.outbox().pending().isEmpty());
            List<Long> waits = waits(logs);

            // Each notification once, in order: the receiver only ever saw accepted requests (it was unreachable).
            assertThat(h.crise.hits()).extracting(hit -> hit.header("webhook-id")).containsExactlyElementsOf(expected);

            // By the schedule: no wait longer than the promise...
            assertThat(waits).as("every wait the channel chose").allSatisfy(w ->
                    assertThat(Duration.ofMillis(w)).isLessThanOrEqualTo(PROMISE));
            // ...and the first attempt after the last wait delivered (head of line, FIFO: only the first was tried
            // while down), the others at once: the receiver's return costs at most one wait.
            List<OutboxEntry> crise = h.outbox().stream().filter(e -> e.receiver().equals("crise")).toList();
            assertThat(crise.get(0).attempts()).as("failed attempts, then the delivery")
                    .isEqualTo(waits.size() + 1);
            assertThat(crise.subList(1, crise.size())).extracting(OutboxEntry::attempts).containsOnly(1);

            // Not hammered: once capped, at least half the cap between attempts (equal jitter) ...
            assertThat(waits.subList(5, waits.size())).as("waits at the cap").allSatisfy(w ->
                    assertThat(Duration.ofMillis(w)).isGreaterThanOrEqualTo(PROMISE.dividedBy(2)));
            // ... so the attempts during the outage are the ramp plus one per half cap at most (a loaded machine
            // only stretches the waits).
            long bound = 5 + Duration.ofNanos(outage).toMillis() / PROMISE.dividedBy(2).toMillis() + 1;
            assertThat((long) waits.size()).as("attempts while down, outage of %d ms",
                    Duration.ofNanos(outage).toMillis()).isLessThanOrEqualTo(bound);

            long resumedMs = Duration.ofNanos(h.crise.accepted().get(0).receivedNanos() - returnedAt).toMillis();
            System.out.printf("receiver back -> first delivery in %d ms (schedule bound %d ms, %d waits while down)%n",
                    resumedMs, PROMISE.toMillis(), waits.size());
        }
    }
}
