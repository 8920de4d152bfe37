package fr.vigie.app.ops;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;
import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** A task blocking an event loop is seen (readiness fails), and the loop counts as free again once it returns. */
class EventLoopWatchTest {
    @Test
    void aBlockedLoopIsSeenThenForgottenWhenItFrees() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (EventLoopWatch watch = new EventLoopWatch(vertx, Duration.ofMillis(500))) {
            await(() -> !watch.blocked());
            CountDownLatch release = new CountDownLatch(1);
            vertx.getOrCreateContext().runOnContext(v -> {
                try {
                    release.await(20, TimeUnit.SECONDS); // deliberately blocks the event loop
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            await(watch::blocked);
            assertThat(watch.longestWait()).isGreaterThan(Duration.ofMillis(500));
            release.countDown();
            await(() -> !watch.blocked());
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static void await(BooleanSupplier condition) {
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20))
                .until(condition::getAsBoolean);
    }
}
