package fr.vigie.app.admin;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Wrong tokens per client: refused after the limit until the window ends; other clients are not affected. */
class AuthFailureLimiterTest {
    private static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-12-07T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aClientOverTheLimitWaitsForTheWindowToEnd() {
        TestClock clock = new TestClock();
        AuthFailureLimiter limiter = new AuthFailureLimiter(3, Duration.ofMinutes(10), clock);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.retryAfter("10.0.0.1")).isZero();
            limiter.failed("10.0.0.1");
        }
        assertThat(limiter.retryAfter("10.0.0.1")).isEqualTo(Duration.ofMinutes(10));
        assertThat(limiter.retryAfter("10.0.0.2")).as("another client").isZero();
        clock.now = clock.now.plus(Duration.ofMinutes(4));
        assertThat(limiter.retryAfter("10.0.0.1")).isEqualTo(Duration.ofMinutes(6));
        clock.now = clock.now.plus(Duration.ofMinutes(6));
        assertThat(limiter.retryAfter("10.0.0.1")).as("window over").isZero();
    }

    @Test
    void aRightTokenBeforeTheLimitClearsTheCount() {
        TestClock clock = new TestClock();
        AuthFailureLimiter limiter = new AuthFailureLimiter(2, Duration.ofMinutes(10), clock);
        limiter.failed("c");
        limiter.succeeded("c");
        limiter.failed("c");
        assertThat(limiter.retryAfter("c")).isZero();
        limiter.failed("c");
        assertThat(limiter.retryAfter("c")).isPositive();
    }
}
