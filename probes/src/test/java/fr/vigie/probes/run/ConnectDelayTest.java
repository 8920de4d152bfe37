package fr.vigie.probes.run;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@code connect_ms} checked against a delay injected in the TCP handshake itself. On loopback the kernel
 * completes the handshake before {@code accept()}, so no server can delay it; instead the test runs
 * {@link ConnectDelayHarness} in a network namespace of its own ({@code unshare}) where
 * {@code netns/with-delay-line.sh} routes the packets to the server address through a TUN device, and
 * {@code netns/delay-line.py} holds the SYNs to one port for {@value #DELAY_MS} ms (the other port's SYNs
 * cross the same delay line at once: the baseline). Skipped, never passed, where user and network namespaces
 * or TUN devices are not available.
 */
class ConnectDelayTest {
    static final String SERVER = "127.0.0.2";
    static final int DELAYED_PORT = 18500;
    static final int BASELINE_PORT = 18501;
    static final int DELAY_MS = 100;
    static final int RUNS = 21;
    static final int TIMEOUT_SECONDS = 180;
    static final int SKIP = 77;

    @Test
    void connectMedianIsTheInjectedSynDelay(@TempDir Path dir) throws Exception {
        requireNamespaces(dir);
        Path holds = dir.resolve("holds.txt");
        Path log = dir.resolve("harness.log");
        List<String> command = List.of("unshare", "--user", "--map-root-user", "--net", "--",
                "bash", resource("netns/with-delay-line.sh").toString(), SERVER, holds.toString(),
                DELAYED_PORT + ":" + DELAY_MS, BASELINE_PORT + ":0",
                (DELAYED_PORT + 2) + ":" + DELAY_MS, (BASELINE_PORT + 2) + ":0", "--",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djava.net.preferIPv4Stack=true",
                "-XX:+UseSerialGC", "-Xmx256m",
                ConnectDelayHarness.class.getName(), SERVER, String.valueOf(DELAYED_PORT),
                String.valueOf(BASELINE_PORT), String.valueOf(RUNS));
        int exit = run(command, log, TIMEOUT_SECONDS);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (exit == SKIP) {
            Assumptions.abort("the delay line cannot run here: " + skipReason(output));
        }
        assertThat(exit).as("harness exit status; its output:%n%s", output).isZero();

        Map<String, Double> f = figures(output);
        List<Double> delayedHolds = holds(holds, DELAYED_PORT);
        List<Double> baselineHolds = holds(holds, BASELINE_PORT);
        // one held SYN per connection to the delayed port (warm-ups included); the runs are the last ones
        assertThat(delayedHolds).as("SYNs held; harness output:%n%s", output)
                .hasSizeGreaterThanOrEqualTo(ConnectDelayHarness.WARMUPS + RUNS);
        double actual = medianOf(delayedHolds.subList(delayedHolds.size() - RUNS, delayedHolds.size()));
        double delayed = f.get("delayed.connect.median");
        double baseline = f.get("baseline.connect.median");
        double tolerance = tolerance(f, "connect");
        System.out.printf("connect injected %d ms (really %.2f, pass-through %.3f): median %.2f ms, baseline %.2f ms,"
                        + " tolerance %.1f ms; TTFB median %.2f ms, baseline %.2f ms%n",
                DELAY_MS, actual, medianOf(baselineHolds), delayed, baseline, tolerance,
                f.get("delayed.ttfb.median"), f.get("baseline.ttfb.median"));

        // the baseline crossed the same delay line without a hold: the rest is the injected delay
        assertThat(delayed - baseline).as("connect_ms median above baseline, for %.2f ms really held", actual)
                .isBetween(actual - tolerance, actual + tolerance);
        assertThat(delayed).isGreaterThanOrEqualTo(DELAY_MS);
        // and it is counted in connect_ms only, not in the next phase
        assertThat(f.get("delayed.ttfb.median") - f.get("baseline.ttfb.median")).as("TTFB unaffected")
                .isBetween(-tolerance(f, "ttfb"), tolerance(f, "ttfb"));

        // over HTTPS too: TCP connect timed on the connection itself, up to its ClientHello, and TLS apart
        List<Double> tlsHolds = holds(holds, DELAYED_PORT + 2);
        assertThat(tlsHolds).hasSizeGreaterThanOrEqualTo(ConnectDelayHarness.WARMUPS + RUNS);
        double tlsActual = medianOf(tlsHolds.subList(tlsHolds.size() - RUNS, tlsHolds.size()));
        double tlsDelayed = f.get("tls.delayed.connect.median");
        double tlsBaseline = f.get("tls.baseline.connect.median");
        double tlsConnectTolerance = tolerance(f, "tls.", "connect");
        double tlsTolerance = tolerance(f, "tls.", "tls");
        System.out.printf("HTTPS connect injected %d ms (really %.2f): median %.2f ms, baseline %.2f ms, tolerance"
                        + " %.1f ms; TLS median %.2f ms, baseline %.2f ms, tolerance %.1f ms%n", DELAY_MS, tlsActual,
                tlsDelayed, tlsBaseline, tlsConnectTolerance, f.get("tls.delayed.tls.median"),
                f.get("tls.baseline.tls.median"), tlsTolerance);
        assertThat(tlsDelayed - tlsBaseline).as("HTTPS connect_ms median above baseline")
                .isBetween(tlsActual - tlsConnectTolerance, tlsActual + tlsConnectTolerance);
        assertThat(f.get("tls.delayed.tls.median") - f.get("tls.baseline.tls.median")).as("tls_ms unaffected")
                .isBetween(-tlsTolerance, tlsTolerance);
    }

    /** Aborts (a skip) unless this process may create a user and network namespace. */
    static void requireNamespaces(Path dir) throws Exception {
        Path log = dir.resolve("unshare.log");
        int exit;
        try {
            exit = run(List.of("unshare", "--user", "--map-root-user", "--net", "--", "true"), log, 30);
        } catch (IOException e) {
            Assumptions.abort("no unshare command (util-linux): " + e.getMessage());
            return;
        }
        if (exit != 0) {
            Assumptions.abort("cannot create a user + network namespace with unshare: "
                    + Files.readString(log, StandardCharsets.UTF_8).strip());
        }
    }

    /**
     * Runs a command, its output (stdout and stderr) to {@code log}, for at most {@code seconds}; the process and
     * all its descendants are killed whatever happens.
     */
    static int run(List<String> command, Path log, int seconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                fail("%s did not finish in %d s; its output:%n%s", command.get(0), seconds,
                        Files.readString(log, StandardCharsets.UTF_8));
            }
            return process.exitValue();
        } finally {
            // collected before killing the parent: once it is gone, its children are no longer its descendants
            List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
            all.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    static Path resource(String name) throws URISyntaxException {
        var url = ConnectDelayTest.class.getClassLoader().getResource(name);
        assertThat(url).as("test resource " + name).isNotNull();
        return Path.of(url.toURI());
    }

    static String skipReason(String output) {
        return output.lines().filter(l -> l.startsWith("skip: ")).map(l -> l.substring(6)).findFirst()
                .orElse(output.strip());
    }

    /** The harness's {@code connect-delay key=value ...} line. */
    static Map<String, Double> figures(String output) {
        String line = output.lines().filter(l -> l.startsWith(ConnectDelayHarness.LINE_PREFIX)).findFirst()
                .orElseThrow(() -> new AssertionError("no figures line in the harness output:\n" + output));
        Map<String, Double> figures = new HashMap<>();
        for (String pair : line.substring(ConnectDelayHarness.LINE_PREFIX.length()).trim().split(" ")) {
            String[] kv = pair.split("=", 2);
            figures.put(kv[0], Double.parseDouble(kv[1]));
        }
        assertThat(figures.get("runs")).isEqualTo((double) RUNS);
        return figures;
    }

    /** The delay line's real hold times for one port, in the order they happened ("PORT MS" lines). */
    static List<Double> holds(Path file, int port) throws IOException {
        List<Double> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] parts = line.trim().split(" ");
            if (parts.length == 2 && Integer.parseInt(parts[0]) == port) {
                out.add(Double.parseDouble(parts[1]));
            }
        }
        return out;
    }

    /** As in {@link PhaseTimingTest#tolerance}: 5 ms, or one interquartile range of runs too spread for that. */
    static double tolerance(Map<String, Double> f, String phase) {
        return tolerance(f, "", phase);
    }

    /** {@code prefix}: "" for the HTTP series, "tls." for the HTTPS ones. */
    static double tolerance(Map<String, Double> f, String prefix, String phase) {
        double iqr = Math.max(f.get(prefix + "delayed." + phase + ".q3") - f.get(prefix + "delayed." + phase + ".q1"),
                f.get(prefix + "baseline." + phase + ".q3") - f.get(prefix + "baseline." + phase + ".q1"));
        return Math.min(60.0, Math.max(PhaseTimingTest.TOLERANCE_MS, iqr));
    }

    static double medianOf(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
