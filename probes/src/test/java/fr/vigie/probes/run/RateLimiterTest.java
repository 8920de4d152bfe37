package fr.vigie.probes.run;

import fr.vigie.config.ProbingConfig;
import fr.vigie.config.StepKind;
import fr.vigie.probes.StepResult;
import fr.vigie.probes.testing.Await;
import fr.vigie.probes.testing.Fixtures;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

    @Test
    void burstOfOneSecondThenOneTokenPerPeriod() {
        Vertx vertx = Vertx.vertx();
        try {
            RateLimiter limiter = new RateLimiter(vertx, 20);
            for (int i = 0; i < 20; i++) {
                assertThat(limiter.reserve()).as("burst token %d", i).isZero();
            }
            long next = limiter.reserve();
            assertThat(next).isPositive().isLessThanOrEqualTo(60L);
            for (int i = 0; i < 18; i++) {
                limiter.reserve();
            }
            assertThat(limiter.reserve()).as("the 40th request waits about one second").isBetween(700L, 1010L);
        } finally {
            Await.result(vertx.close());
        }
    }

    @Test
    void theRunnerNeverExceedsTheGlobalCap() {
        Vertx vertx = Vertx.vertx();
        try {
            List<Long> arrivals = new CopyOnWriteArrayList<>();
            HttpServer server = Await.result(vertx.createHttpServer().requestHandler(req -> {
                arrivals.add(System.nanoTime());
                req.response().end("ok");
            }).listen(0, "127.0.0.1"));
            ProbingConfig capped = new ProbingConfig("Vigie-test/1.0", 10, Duration.ofSeconds(2),
                    Duration.ofSeconds(10), 1_000_000, 5, Duration.ofMinutes(1), List.of());
            JourneyRunner runner = new JourneyRunner(vertx, Fixtures.settings(capped));
            var journey = Fixtures.journey(Fixtures.get("home", StepKind.PAGE, "/",
                    Fixtures.expect(List.of(200), "ok", null)));
            var target = Fixtures.target("http://127.0.0.1:" + server.actualPort());
            List<Future<List<StepResult>>> runs = new ArrayList<>();
            long launched = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                runs.add(runner.run(target, journey, RoundInfo.now(), r -> { }));
            }
            Await.result(Future.all(runs), 30);
            assertThat(arrivals).hasSize(20);
            // 10 at once (one second's burst), the other 10 at 10 per second: the 20th cannot leave before 1 s
            double lastMs = (arrivals.stream().mapToLong(Long::longValue).max().orElseThrow() - launched) / 1e6;
            assertThat(lastMs).isGreaterThan(950.0);
            Await.result(runner.close());
        } finally {
            Await.result(vertx.close());
        }
    }
}
