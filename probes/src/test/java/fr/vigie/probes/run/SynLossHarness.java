package fr.vigie.probes.run;

import fr.vigie.probes.StepResult;
import fr.vigie.probes.testing.Await;
import fr.vigie.probes.testing.Fixtures;
import fr.vigie.probes.testing.Warmup;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The probing half of {@link SynLossTest}, run in a child JVM inside the test's network namespace, where the delay
 * line drops the first SYN of every connection to ONE_LOSS_PORT and the first two to TWO_LOSS_PORT. Starts an HTTP
 * server on each, probes each RUNS times, then prints {@code syn-loss one=1003.1,1002.7 two=3008.4,3004.9} (connect_ms
 * of every probe). Arguments: {@code SERVER ONE_LOSS_PORT TWO_LOSS_PORT RUNS}. A watchdog halts it after 90 s.
 */
public final class SynLossHarness {
    static final String LINE_PREFIX = "syn-loss ";

    private SynLossHarness() {
    }

    public static void main(String[] args) {
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "watchdog");
            t.setDaemon(true);
            return t;
        }).schedule(() -> Runtime.getRuntime().halt(3), 90, java.util.concurrent.TimeUnit.SECONDS);
        String server = args[0];
        int[] ports = {Integer.parseInt(args[1]), Integer.parseInt(args[2])};
        int runs = Integer.parseInt(args[3]);
        int status = 1;
        Vertx vertx = Vertx.vertx();
        try {
            for (int port : ports) {
                Await.result(vertx.createHttpServer().requestHandler(req -> req.response().end("ok"))
                        .listen(port, server));
            }
            // the shipped default connect time-out (5 s): a second retransmission (3 s) must fit in it
            JourneyRunner runner = new JourneyRunner(vertx, Fixtures.settings(new fr.vigie.config.ProbingConfig(
                    "Vigie-test/1.0", 1000, Duration.ofSeconds(5), Duration.ofSeconds(20), 1_000_000, 5,
                    Duration.ofMinutes(15), List.of())));
            try {
                Warmup.run(vertx, runner);
                StringBuilder line = new StringBuilder(LINE_PREFIX);
                String[] names = {"one", "two"};
                for (int j = 0; j < ports.length; j++) {
                    List<StepResult> results = new ArrayList<>();
                    for (int i = 0; i < runs; i++) {
                        results.add(ConnectDelayHarness.probe(runner, "http://" + server + ":" + ports[j] + "/"));
                    }
                    StringJoiner values = new StringJoiner(",");
                    results.forEach(r -> values.add(String.format(Locale.ROOT, "%.3f", r.connectMs())));
                    line.append(j == 0 ? "" : " ").append(names[j]).append('=').append(values);
                }
                System.out.println(line);
                status = 0;
            } finally {
                Await.result(runner.close());
            }
        } catch (Throwable e) {
            e.printStackTrace();
        } finally {
            try {
                Await.result(vertx.close());
            } catch (Throwable e) {
                e.printStackTrace();
            }
        }
        System.out.flush();
        System.exit(status);
    }
}
