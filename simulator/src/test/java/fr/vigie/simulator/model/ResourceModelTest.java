package fr.vigie.simulator.model;

import fr.vigie.simulator.Capacity;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Queues hand slots over in order, and latency grows with the number of requests waiting for workers. */
class ResourceModelTest {
    @Test
    void poolServesInArrivalOrderAndHandsSlotsOver() {
        ResourcePool pool = new ResourcePool("db", 1);
        List<String> order = new ArrayList<>();
        assertThat(pool.acquire().succeeded()).isTrue();
        pool.acquire().onSuccess(v -> order.add("second"));
        pool.acquire().onSuccess(v -> order.add("third"));
        assertThat(pool.queueLength()).isEqualTo(2);
        pool.release();
        assertThat(order).containsExactly("second");
        assertThat(pool.inUse()).isEqualTo(1);
        pool.release();
        pool.release();
        assertThat(order).containsExactly("second", "third");
        assertThat(pool.inUse()).isZero();
        assertThatThrownBy(pool::release).hasMessageContaining("released more than acquired");
    }

    @Test
    void aBurstQueuesSoTheLastRequestWaitsForTheOthers() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            Capacity one = new Capacity(1, 1, 1, Duration.ofMillis(10), Duration.ofMillis(5), Duration.ofMillis(5), 0, 100);
            long[] elapsed = new long[2];
            vertx.<Void>executeBlocking(() -> null).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            var ctx = vertx.getOrCreateContext();
            java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
            ctx.runOnContext(x -> {
                HostResources host = new HostResources(vertx, "h", one);
                long t0 = System.nanoTime();
                host.serve(WorkKind.PAGE).onSuccess(v -> elapsed[0] = System.nanoTime() - t0);
                List<Future<Void>> burst = new ArrayList<>();
                for (int i = 0; i < 9; i++) {
                    burst.add(host.serve(WorkKind.PAGE));
                }
                assertThat(host.workerQueue()).isEqualTo(9);
                burst.get(8).onSuccess(v -> {
                    elapsed[1] = System.nanoTime() - t0;
                    done.complete(null);
                });
            });
            done.get(10, TimeUnit.SECONDS);
            // one page holds the only worker 20 ms: the tenth waits for nine others (~200 ms)
            assertThat(Duration.ofNanos(elapsed[0])).isGreaterThanOrEqualTo(Duration.ofMillis(20));
            assertThat(Duration.ofNanos(elapsed[1])).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void theRushCurveClimbsHoldsAndDeclines() {
        assertThat(LoadCurve.rush(0)).isZero();
        assertThat(LoadCurve.rush(0.15)).isBetween(0.4, 0.6);
        assertThat(LoadCurve.rush(0.5)).isEqualTo(1.0);
        assertThat(LoadCurve.rush(0.85)).isCloseTo(LoadCurve.rush(0.15), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(LoadCurve.rush(1)).isZero();
    }
}
