package fr.vigie.alerts.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Exponential back-off with equal jitter, capped; Retry-After as a lower bound; the Matrix pace. */
class BackoffTest {
    @Test
    void delaysDoubleWithJitterUpToTheCap() {
        Backoff low = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), () -> 0.0);
        Backoff high = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), () -> 0.999_999);
        assertThat(low.delay(1, null)).isEqualTo(Duration.ofMillis(500));
        assertThat(high.delay(1, null)).isEqualTo(Duration.ofMillis(999));
        assertThat(low.delay(4, null)).isEqualTo(Duration.ofSeconds(4));
        assertThat(high.delay(4, null)).isEqualTo(Duration.ofMillis(7999));
        assertThat(low.delay(30, null)).isEqualTo(Duration.ofSeconds(150));
        assertThat(high.delay(60, null)).isLessThan(Duration.ofMinutes(5));
    }

    @Test
    void theDefaultScheduleResumesWithin30SecondsAndNeverHammersAReceiverThatStaysDown() {
        DeliverySettings d = DeliverySettings.defaults();
        Backoff high = new Backoff(d.initialBackoff(), d.maxBackoff(), () -> 0.999_999);
        Backoff low = new Backoff(d.initialBackoff(), d.maxBackoff(), () -> 0.0);
        for (int failures = 1; failures <= 1_000; failures++) {
            // the longest a receiver that came back waits for the next attempt
            assertThat(high.delay(failures, null)).isLessThanOrEqualTo(Duration.ofSeconds(30));
        }
        // 1 s doubling: 0.5-1, 1-2, 2-4, 4-8, 8-16, then 15-30 s for as long as it stays down
        assertThat(low.delay(5, null)).isEqualTo(Duration.ofSeconds(8));
        assertThat(low.delay(6, null)).isEqualTo(Duration.ofSeconds(15));
        assertThat(low.delay(1_000, null)).as("at most 4 attempts a minute").isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void retryAfterIsALowerBoundCappedAtOneHour() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), () -> 0.0);
        assertThat(b.delay(1, Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
        assertThat(b.delay(1, Duration.ZERO)).isEqualTo(Duration.ofMillis(500));
        assertThat(b.delay(1, Duration.ofDays(2))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void retryAfterHeaderReadsSecondsAndHttpDates() {
        var clock = java.time.Clock.fixed(java.time.Instant.parse("2026-03-16T08:00:00Z"), java.time.ZoneOffset.UTC);
        assertThat(HttpVerdicts.retryAfter("120", clock)).isEqualTo(Duration.ofMinutes(2));
        assertThat(HttpVerdicts.retryAfter("Mon, 16 Mar 2026 08:01:30 GMT", clock)).isEqualTo(Duration.ofSeconds(90));
        assertThat(HttpVerdicts.retryAfter("bientôt", clock)).isNull();
        assertThat(HttpVerdicts.of(new HttpAnswer(429, "7", ""), clock))
                .isEqualTo(new SendResult.Retry("HTTP 429", Duration.ofSeconds(7)));
        assertThat(HttpVerdicts.of(new HttpAnswer(410, null, ""), clock)).isInstanceOf(SendResult.Gone.class);
        assertThat(HttpVerdicts.of(new HttpAnswer(403, null, ""), clock)).isInstanceOf(SendResult.Rejected.class);
        assertThat(HttpVerdicts.of(new HttpAnswer(204, null, ""), clock)).isInstanceOf(SendResult.Delivered.class);
    }

    @Test
    void aHomeserverGetsAtMostOneCallPerInterval() {
        HomeserverGate gate = new HomeserverGate(Duration.ofSeconds(1));
        assertThat(gate.reserve("https://matrix.agent.tchap.gouv.fr")).isZero();
        Duration wait = gate.reserve("https://matrix.agent.tchap.gouv.fr");
        assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(gate.reserve("https://matrix.agent.education.tchap.gouv.fr")).as("another homeserver").isZero();
    }
}
