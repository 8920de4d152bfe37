package fr.vigie.app.system;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A stalled aggregator costs a bounded queue and counted drops, never an event loop that waits or memory. */
class AggregatorQueueTest {
    @Test
    void aStalledAggregatorDropsAndCountsWhatItsQueueCannotHold() throws Exception {
        AggregatorQueue queue = new AggregatorQueue(100);
        CountDownLatch stalled = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        queue.submit(() -> {
            stalled.countDown();
            await(release);
        });
        assertThat(stalled.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 150; i++) {
            queue.submit(ran::incrementAndGet); // returns at once even though the aggregator is stuck
        }
        assertThat(queue.dropped()).isEqualTo(50);
        release.countDown();
        queue.executor().shutdown();
        assertThat(queue.executor().awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ran.get()).as("the queued results are all judged once it moves again").isEqualTo(100);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
