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
 * Issue 19: after a receiver outage of two minutes, the six pending alerts arrived 103 s after the receiver came
 * back. The promise: delivery resumes within 30 s of a receiver's return, without hammering a receiver that stays
 * down (docs/operations.md, Limits: "alert retry back-off").
 * <p>
 * Played on the production schedule ({@link DeliverySettings#defaults()}) sped up {@value #SPEED} times (1 s
 * doubling to 30 s becomes 20 ms doubling to 600 ms), against a real HTTP receiver whose port is closed
 * (connections refused) and then opened again on the same port. The bound is checked on the schedule the channel
 * chose and logged (its "retry in N ms"), not with a stopwatch that a loaded machine could break: every wait is at
 * most the promise, so the first attempt after the return comes at most one wait after it; that attempt delivers
 * and the rest follow without any further wait. Without the cap the waits of the 7th failure and later exceed the
 * promise and the test fails.
 */
class ReceiverReturnTest {
    static final int SPEED = 50;
    /** The promise, sped up like the schedule. */
    static final Duration PROMISE = Duration.ofSeconds(30).dividedBy(SPEED);
    /** Failures before the doubled delay reaches the cap: 1, 2, 4, 8, 16 s, then 30 s (unscaled). */
    static final int RAMP = 5;
    /** The key behind {@link Harness#WHSEC}. */
    private static final String SIGNING_KEY = "vigie-test-signing-key-1";
    private static final Pattern RETRY = Pattern.compile(
            "receiver=crise notification=(\\S+) attempt failed: .*; retry in (\\d+) ms");

    @TempDir
    Path dir;

    /** The production back-off, {@link #SPEED} times faster; timeouts short enough for a refused port. */
    private static DeliverySettings spedUpDefaults() {
        DeliverySettings d = DeliverySettings.defaults();
        return new DeliverySettings(Duration.ofSeconds(1), Duration.ofSeconds(5), d.initialBackoff().dividedBy(SPEED),
                d.maxBackoff().dividedBy(SPEED), Duration.ofHours(1), Duration.ofMillis(20));
    }

    /** The waits the channel chose after each failed attempt, in order, from its log lines. */
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
            h.script.open("edu", "target:educonnect", Status.DEGRADED_PERFORMANCE, Cause.NETWORK, "educonnect");
            h.advance(Duration.ofSeconds(31));
            h.script.status("idf", Status.PARTIAL_OUTAGE);
            h.script.resolve("cned");
            h.script.resolve("edu");
            h.advance(Duration.ofSeconds(31));
            List<String> expected = h.outbox().stream().filter(e -> e.receiver().equals("crise"))
                    .map(OutboxEntry::id).toList();
            assertThat(expected).as("the issue's six pending notifications").hasSize(6);

            // Down long enough for the back-off to reach its cap and hold it for four attempts.
            await("the back-off reached its cap and held it").atMost(Duration.ofSeconds(60))
                    .until(() -> waits(logs).size() >= RAMP + 4);
            assertThat(h.crise.hits()).as("nothing reached the receiver while its port was closed").isEmpty();
            long returnedAt = h.crise.restart();
            long outageMs = Duration.ofNanos(returnedAt - downAt).toMillis();

            await("every pending notification delivered").atMost(Duration.ofSeconds(30))
                    .until(() -> h.crise.accepted().size() >= expected.size()
                            && h.service.outbox().pending().isEmpty());
            List<Long> waits = waits(logs);

            // All arrived, each once, in order (the receiver saw nothing else: it was unreachable before) ...
            assertThat(h.crise.hits()).extracting(hit -> hit.header("webhook-id")).containsExactlyElementsOf(expected);
            // ... each signed as Standard Webhooks says, checked independently of the product's signer
            for (var hit : h.crise.hits()) {
                assertThat(ReceiversTest.verifies(hit.header("webhook-signature").split(" "), SIGNING_KEY,
                        hit.header("webhook-id"), hit.header("webhook-timestamp"), hit.body()))
                        .as("signature of %s", hit.header("webhook-id")).isTrue();
            }

            // By the schedule: no wait longer than the promise ...
            assertThat(waits).as("every wait the channel chose").hasSizeGreaterThanOrEqualTo(RAMP + 4)
                    .allSatisfy(w -> assertThat(Duration.ofMillis(w)).isLessThanOrEqualTo(PROMISE));
            // ... every failure was the head's (FIFO: the others waited behind it) and the first attempt after the
            // return delivered it; the five others went at their first attempt, with no wait between them.
            List<OutboxEntry> crise = h.outbox().stream().filter(e -> e.receiver().equals("crise")).toList();
            assertThat(crise).extracting(OutboxEntry::state).containsOnly(OutboxEntry.State.DELIVERED);
            assertThat(crise.get(0).attempts()).as("failed attempts, then the delivery").isEqualTo(waits.size() + 1);
            assertThat(crise.subList(1, crise.size())).extracting(OutboxEntry::attempts).containsOnly(1);

            // Not hammered: once capped, at least half the cap between attempts (equal jitter) ...
            assertThat(waits.subList(RAMP, waits.size())).as("waits at the cap").allSatisfy(w ->
                    assertThat(Duration.ofMillis(w)).isGreaterThanOrEqualTo(PROMISE.dividedBy(2)));
            // ... so the attempts while down are the ramp plus at most one per half cap (a loaded machine only
            // stretches the waits, which never end early).
            long bound = RAMP + outageMs / PROMISE.dividedBy(2).toMillis() + 1;
            assertThat((long) waits.size()).as("attempts while down, outage of %d ms", outageMs)
                    .isLessThanOrEqualTo(bound);
        }
    }
}
