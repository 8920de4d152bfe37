package fr.vigie.probes.run;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Packet loss made real: in a network namespace of the test's own, the delay line drops the first SYN (or the first
 * two) of every connection to a port, and this machine's kernel retransmits them on its own timers. The prober's
 * {@code connect_ms} must then be the kernel's real retransmission delay (never shorter than the delay line's own
 * measure less {@value #WIRE_MATCH_MS} ms, never longer than it plus {@value #HANDOVER_MS} ms) and fall in the bands the classifier reads as SYN retransmissions
 * ({@code SignalExtractor.SYN_RETRY_BANDS}: 800-1400 ms after one loss; after two, 2700-3600 ms with RFC 6298's
 * doubling, or 1800-2400 ms with Linux 6.7+'s linear SYN time-outs, which this test found on this machine's kernel:
 * the classifier's bands were RFC-only until then). Until now that rule was only tested on synthetic numbers. Skipped, never passed, where user
 * and network namespaces or TUN devices are missing.
 */
class SynLossTest {
    static final int ONE_LOSS_PORT = 18510;
    static final int TWO_LOSS_PORT = 18511;
    static final int RUNS = 3;
    /**
     * Single connections, not medians of 21 runs as in the phase timing checks: clock skew between the delay line's
     * timestamps and the prober's, never more than this ahead.
     */
    static final double WIRE_MATCH_MS = 25;
    /**
     * Scheduling slack between the delay line releasing a packet and the prober timing its arrival: 47 ms was seen
     * in CI on a loaded machine; a quarter of a second still sits far inside the 1 s between SYN bands.
     */
    static final double HANDOVER_MS = 250;

    @Test
    void lostSynsAreRetransmittedByTheKernelAndTimedAsSuch(@TempDir Path dir) throws Exception {
        ConnectDelayTest.requireNamespaces(dir);
        Path holds = dir.resolve("holds.txt");
        Path log = dir.resolve("harness.log");
        List<String> command = List.of("unshare", "--user", "--map-root-user", "--net", "--",
                "bash", ConnectDelayTest.resource("netns/with-delay-line.sh").toString(), ConnectDelayTest.SERVER,
                holds.toString(), ONE_LOSS_PORT + ":drop1", TWO_LOSS_PORT + ":drop2", "--",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djava.net.preferIPv4Stack=true",
                "-XX:+UseSerialGC", "-Xmx256m", SynLossHarness.class.getName(), ConnectDelayTest.SERVER,
                String.valueOf(ONE_LOSS_PORT), String.valueOf(TWO_LOSS_PORT), String.valueOf(RUNS));
        int exit = ConnectDelayTest.run(command, log, 120);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (exit == ConnectDelayTest.SKIP) {
            Assumptions.abort("the delay line cannot run here: " + ConnectDelayTest.skipReason(output));
        }
        assertThat(exit).as("harness exit status; its output:%n%s", output).isZero();
        String line = output.lines().filter(l -> l.startsWith(SynLossHarness.LINE_PREFIX)).findFirst()
                .orElseThrow(() -> new AssertionError("no figures line:\n" + output));
        double[] one = values(line, "one");
        double[] two = values(line, "two");
        List<Double> oneHolds = ConnectDelayTest.holds(holds, ONE_LOSS_PORT);
        List<Double> twoHolds = ConnectDelayTest.holds(holds, TWO_LOSS_PORT);
        System.out.printf("SYN loss: connect after one loss %s ms (kernel retransmitted after %s), after two %s ms"
                + " (%s)%n", Arrays.toString(one), oneHolds, Arrays.toString(two), twoHolds);

        assertThat(Arrays.stream(one).boxed().toList()).hasSize(RUNS).allSatisfy(ms -> assertThat(ms).isBetween(800.0, 1400.0));
        // 2 s on Linux 6.7+ (linear SYN time-outs, tcp_syn_linear_timeouts), 3 s with RFC 6298's doubling
        assertThat(Arrays.stream(two).boxed().toList()).hasSize(RUNS).allSatisfy(ms -> assertThat(ms)
                .satisfiesAnyOf(v -> assertThat(v).isBetween(1800.0, 2400.0), v -> assertThat(v).isBetween(2700.0, 3600.0)));
        // the probe's connect is the real retransmission delay seen on the wire (the last RUNS connections)
        assertThat(oneHolds).hasSizeGreaterThanOrEqualTo(RUNS);
        assertThat(twoHolds).hasSizeGreaterThanOrEqualTo(RUNS);
        List<Double> lastOne = oneHolds.subList(oneHolds.size() - RUNS, oneHolds.size());
        List<Double> lastTwo = twoHolds.subList(twoHolds.size() - RUNS, twoHolds.size());
        // Never shorter than the retransmission seen on the wire (the answer cannot come before the resent SYN),
        // and later only by the time a busy machine takes to hand the answer on: far below the 1 s between bands.
        for (int i = 0; i < RUNS; i++) {
            assertThat(one[i]).isBetween(lastOne.get(i) - WIRE_MATCH_MS, lastOne.get(i) + HANDOVER_MS);
            assertThat(two[i]).isBetween(lastTwo.get(i) - WIRE_MATCH_MS, lastTwo.get(i) + HANDOVER_MS);
        }
    }

    private static double[] values(String line, String name) {
        for (String pair : line.substring(SynLossHarness.LINE_PREFIX.length()).trim().split(" ")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name)) {
                return Arrays.stream(kv[1].split(",")).mapToDouble(Double::parseDouble).toArray();
            }
        }
        throw new AssertionError("no " + name + " in " + line);
    }
}
