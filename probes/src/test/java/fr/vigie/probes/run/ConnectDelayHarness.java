package fr.vigie.probes.run;

import fr.vigie.config.StepKind;
import fr.vigie.probes.Outcome;
import fr.vigie.probes.StepResult;
import fr.vigie.probes.testing.Await;
import fr.vigie.probes.testing.Fixtures;
import fr.vigie.probes.testing.Warmup;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.SelfSignedCertificate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The probing half of {@link ConnectDelayTest}, run in a child JVM inside the test's network namespace, where
 * {@code with-delay-line.sh} holds the SYNs to some ports of the server address. Starts an HTTP server on the
 * delayed port and one on the baseline port, and an HTTPS pair on the next two ports (certificate for
 * {@value #TLS_NAME}, mapped to the server address), warms up, probes all four interleaved, then prints one line:
 * <pre>connect-delay warmups=3 runs=15 delayed.connect.median=101.2 delayed.connect.q1=… …</pre>
 * for the series {@code [tls.]delayed|baseline} × {@code connect|ttfb|tls} × {@code median|q1|q3}, in ms.
 *
 * <p>Arguments: {@code SERVER DELAYED_PORT BASELINE_PORT RUNS}; HTTPS uses DELAYED_PORT+2 (delayed) and
 * BASELINE_PORT+2. Exits 0 after printing, non-zero on any failure; a watchdog halts it after
 * {@value #WATCHDOG_SECONDS} s whatever happens.
 */
public final class ConnectDelayHarness {
    static final String LINE_PREFIX = "connect-delay ";
    static final int WARMUPS = 3;
    static final int WATCHDOG_SECONDS = 120;
    static final String TLS_NAME = "ent.vigie.test";

    private ConnectDelayHarness() {
    }

    public static void main(String[] args) {
        // whatever happens, the child JVM never outlives the test that started it
        java.util.concurrent.ScheduledExecutorService watchdog =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "watchdog");
                    t.setDaemon(true);
                    return t;
                });
        watchdog.schedule(() -> {
            System.err.println("connect-delay harness: still running after " + WATCHDOG_SECONDS + " s, halting");
            Runtime.getRuntime().halt(3);
        }, WATCHDOG_SECONDS, java.util.concurrent.TimeUnit.SECONDS);

        String server = args[0];
        int delayedPort = Integer.parseInt(args[1]);
        int baselinePort = Integer.parseInt(args[2]);
        int runs = Integer.parseInt(args[3]);
        int status = 1;
        Vertx vertx = Vertx.vertx();
        try {
            for (int port : new int[] {delayedPort, baselinePort}) {
                Await.result(vertx.createHttpServer().requestHandler(req -> req.response().end("ok"))
                        .listen(port, server));
            }
            SelfSignedCertificate cert = SelfSignedCertificate.create(TLS_NAME);
            for (int port : new int[] {delayedPort + 2, baselinePort + 2}) {
                Await.result(vertx.createHttpServer(new HttpServerOptions().setSsl(true)
                                .setKeyCertOptions(cert.keyCertOptions()))
                        .requestHandler(req -> req.response().end("ok")).listen(port, server));
            }
            RunnerSettings base = Fixtures.settings(Fixtures.probing(Duration.ofSeconds(15), 1_000_000),
                    cert.trustOptions());
            JourneyRunner runner = new JourneyRunner(vertx, new RunnerSettings(base.probing(), base.userAgent(),
                    base.vantage(), base.signatures(), Map.of(TLS_NAME, server), base.trust()));
            try {
                Warmup.run(vertx, runner);
                String[] urls = {"http://" + server + ":" + delayedPort + "/",
                        "http://" + server + ":" + baselinePort + "/",
                        "https://" + TLS_NAME + ":" + (delayedPort + 2) + "/",
                        "https://" + TLS_NAME + ":" + (baselinePort + 2) + "/"};
                // warm the path through the delay line (and the TLS code) too
                for (int i = 0; i < WARMUPS; i++) {
                    for (String url : urls) {
                        probe(runner, url);
                    }
                }
                // interleaved, so that all series see the same machine load
                List<List<StepResult>> series = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                        new ArrayList<>());
                for (int i = 0; i < runs; i++) {
                    for (int j = 0; j < urls.length; j++) {
                        series.get(j).add(probe(runner, urls[j]));
                    }
                }
                StringBuilder line = new StringBuilder(LINE_PREFIX)
                        .append("warmups=").append(WARMUPS).append(" runs=").append(runs);
                String[] names = {"delayed", "baseline", "tls.delayed", "tls.baseline"};
                for (int j = 0; j < names.length; j++) {
                    figures(line, names[j] + ".connect", series.get(j), StepResult::connectMs);
                    figures(line, names[j] + ".ttfb", series.get(j), StepResult::ttfbMs);
                    if (j >= 2) {
                        figures(line, names[j] + ".tls", series.get(j), StepResult::tlsMs);
                    }
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

    static StepResult probe(JourneyRunner runner, String baseUrl) {
        var journey = Fixtures.journey(Fixtures.get("home", StepKind.PAGE, "/",
                Fixtures.expect(List.of(200), "ok", null)));
        List<StepResult> results = Await.result(runner.run(Fixtures.target(baseUrl), journey, RoundInfo.now(), r -> { }));
        if (results.size() != 1 || results.get(0).outcome() != Outcome.OK || results.get(0).connectMs() == null
                || results.get(0).ttfbMs() == null) {
            throw new IllegalStateException("probe of " + baseUrl + " did not succeed with timings: " + results);
        }
        return results.get(0);
    }

    static void figures(StringBuilder line, String name, List<StepResult> results, Function<StepResult, Double> phase) {
        List<Double> values = results.stream().map(phase).sorted().toList();
        line.append(String.format(Locale.ROOT, " %s.median=%.3f %s.q1=%.3f %s.q3=%.3f",
                name, quantile(values, 0.5), name, quantile(values, 0.25), name, quantile(values, 0.75)));
    }

    /** The same quantile as PhaseTimingTest's (the median of an odd count is its middle value). */
    static double quantile(List<Double> sorted, double q) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size())));
    }
}
