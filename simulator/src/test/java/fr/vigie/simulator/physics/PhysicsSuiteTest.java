package fr.vigie.simulator.physics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The physics generator on a small fleet: same seed same files, every mechanism in a suite of 14 mornings, and the
 * ground truth matching what the trace shows (writes failing while reads work, connects at the SYN retransmission
 * times, every target failing together when the vantage does, quiet healthy mornings).
 */
class PhysicsSuiteTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FLEET = """
            vantage: {id: test}
            probing: {connect-timeout: 2s, step-timeout: 5s}
            targets:
              - {id: ent-a, kind: ent, hosting-group: ovh, journey: open-ent-ng-write}
              - {id: ent-b, kind: ent, hosting-group: ovh, journey: open-ent-ng-write}
              - {id: ent-c, kind: ent, hosting-group: ovh, journey: open-ent-ng-write}
              - {id: kos-a, kind: ent, hosting-group: kosmos, journey: kosmos-write}
              - {id: kos-b, kind: ent, hosting-group: kosmos, journey: kosmos-write}
              - {id: cas-a, kind: ent, hosting-group: recia, journey: cas-write}
              - {id: cas-b, kind: ent, hosting-group: recia, journey: cas-write}
              - {id: cned, kind: cned, hosting-group: cned-cloud, journey: cned-write}
              - {id: educonnect, kind: sso, journey: educonnect}
              - {id: controle, kind: control, hosting-group: vigie-control, journey: control}
            """;

    @TempDir
    static Path dir;
    static Path suite;
    static List<Morning> plan = new ArrayList<>();

    @BeforeAll
    static void generate() throws Exception {
        Files.writeString(dir.resolve("fleet.yaml"), FLEET);
        suite = dir.resolve("suite");
        assertThat(main("--fleet", dir.resolve("fleet.yaml").toString(), "--out", suite.toString(), "--seed", "7",
                "--count", "14", "--length", "25m")).isZero();
    }

    private static int main(String... args) throws Exception {
        return PhysicsMain.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                System.err);
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String l : Files.readAllLines(file)) {
            out.add(JSON.readTree(l));
        }
        return out;
    }

    private static List<JsonNode> trace(int n) throws IOException {
        return lines(suite.resolve(String.format("%02d-trace.jsonl", n)));
    }

    private static List<JsonNode> truth(int n) throws IOException {
        return lines(suite.resolve(String.format("%02d-truth.jsonl", n)));
    }

    private static JsonNode plan(int n) throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(suite.resolve(String.format("%02d-plan.yaml", n)).toFile());
    }

    /** Trace lines of the segment's target inside the segment, optionally filtered. */
    private static List<JsonNode> inside(List<JsonNode> trace, JsonNode seg, Predicate<JsonNode> more) {
        Instant start = Instant.parse(seg.get("start").asText());
        Instant end = Instant.parse(seg.get("end").asText());
        return trace.stream().filter(l -> l.get("target").asText().equals(seg.get("target").asText()))
                .filter(l -> {
                    Instant ts = Instant.parse(l.get("ts").asText());
                    return !ts.isBefore(start) && ts.isBefore(end);
                }).filter(more).toList();
    }

    private static boolean ok(JsonNode l) {
        return l.get("outcome").asText().equals("ok");
    }

    private static boolean ran(JsonNode l) {
        return !l.get("outcome").asText().equals("skipped");
    }

    @Test
    void theSameSeedWritesTheSameFilesAndAnotherSeedOthers() throws Exception {
        Path again = dir.resolve("again");
        Path other = dir.resolve("other");
        String fleet = dir.resolve("fleet.yaml").toString();
        assertThat(main("--fleet", fleet, "--out", again.toString(), "--seed", "7", "--count", "2", "--length", "25m"))
                .isZero();
        assertThat(main("--fleet", fleet, "--out", other.toString(), "--seed", "8", "--count", "2", "--length", "25m"))
                .isZero();
        for (String f : List.of("01-trace.jsonl", "01-truth.jsonl", "01-plan.yaml", "02-trace.jsonl")) {
            assertThat(Files.readString(again.resolve(f))).as(f).isEqualTo(Files.readString(suite.resolve(f)));
        }
        assertThat(Files.readString(other.resolve("01-trace.jsonl")))
                .isNotEqualTo(Files.readString(suite.resolve("01-trace.jsonl")));
    }

    @Test
    void everyMechanismAppearsInASuiteOfFourteenMornings() throws Exception {
        Set<String> mechanisms = new HashSet<>();
        Set<String> causes = new HashSet<>();
        for (int n = 1; n <= 14; n++) {
            plan(n).get("mechanisms").forEach(m -> mechanisms.add(m.get("mechanism").asText()));
            truth(n).forEach(s -> causes.add(s.get("cause").asText()));
        }
        assertThat(mechanisms).contains("noise", "rush_overload", "syn_flood", "path_loss", "disk", "deploy", "dns",
                "http_flood_waf", "http_flood", "slow_flood", "maintenance", "vantage");
        assertThat(causes).containsExactlyInAnyOrder("saturation", "attack", "storage", "network", "application",
                "maintenance", "vantage");
    }

    @Test
    void linesFollowTheTraceFormatInTimeOrderAndFirstEffectsLieInTheirSegments() throws Exception {
        int segments = 0;
        int visible = 0;
        for (int n = 1; n <= 14; n++) {
            List<JsonNode> trace = trace(n);
            assertThat(trace).hasSizeGreaterThan(1000);
            for (int i = 0; i < trace.size(); i++) {
                JsonNode l = trace.get(i);
                for (String f : List.of("ts", "target", "step", "outcome", "bytes", "maintenance")) {
                    assertThat(l.has(f)).as("line %d of %d has %s", i, n, f).isTrue();
                }
                if (i > 0) {
                    assertThat(l.get("ts").asText()).isGreaterThanOrEqualTo(trace.get(i - 1).get("ts").asText());
                }
            }
            for (JsonNode seg : truth(n)) {
                segments++;
                assertThat(seg.has("fault") && seg.has("faultId") && seg.has("variant") && seg.has("intensity")).isTrue();
                if (seg.hasNonNull("first_effect")) {
                    visible++;
                    String fe = seg.get("first_effect").asText();
                    assertThat(Instant.parse(fe)).isBetween(Instant.parse(seg.get("start").asText()),
                            Instant.parse(seg.get("end").asText()));
                }
            }
        }
        assertThat(segments).isGreaterThan(14);
        assertThat(visible).isGreaterThanOrEqualTo(segments * 9 / 10);
    }

    @Test
    void duringAStorageFaultWritesFailOrCrawlWhileReadsSucceed() throws Exception {
        int seen = 0;
        for (int n = 1; n <= 14; n++) {
            List<JsonNode> trace = trace(n);
            for (JsonNode seg : truth(n)) {
                if (!seg.get("cause").asText().equals("storage")) {
                    continue;
                }
                seen++;
                List<JsonNode> writes = inside(trace, seg, l -> ran(l) && l.get("kind").asText().equals("write"));
                List<JsonNode> reads = inside(trace, seg, l -> ran(l) && List.of("page", "api", "static")
                        .contains(l.get("kind").asText()));
                assertThat(writes).isNotEmpty();
                long failed = writes.stream().filter(l -> !ok(l)).count();
                double medianWriteMs = writes.stream().filter(PhysicsSuiteTest::ok)
                        .mapToDouble(l -> l.get("total_ms").asDouble()).sorted()
                        .skip(Math.max(0, writes.stream().filter(PhysicsSuiteTest::ok).count() / 2)).findFirst()
                        .orElse(Double.MAX_VALUE);
                assertThat(failed >= writes.size() / 2 || medianWriteMs > 500)
                        .as("writes fail or crawl during %s", seg).isTrue();
                assertThat(reads.stream().filter(PhysicsSuiteTest::ok).count())
                        .as("reads work during %s", seg).isGreaterThanOrEqualTo(reads.size() * 9L / 10);
                writes.stream().filter(l -> l.get("outcome").asText().equals("signature")).forEach(l ->
                        assertThat(l.get("signature").asText())
                                .isIn("disk_full", "db_cannot_extend", "read_only_fs", "io_error"));
            }
        }
        assertThat(seen).isPositive();
    }

    @Test
    void duringPathLossConnectTimesClusterAtTheSynRetransmissionTimes() throws Exception {
        int seen = 0;
        for (int n = 1; n <= 14; n++) {
            List<JsonNode> trace = trace(n);
            for (JsonNode seg : truth(n)) {
                if (!seg.get("fault").asText().equals("path_loss")) {
                    continue;
                }
                seen++;
                List<Double> slow = inside(trace, seg, l -> l.hasNonNull("connect_ms")
                        && l.get("connect_ms").asDouble() > 200).stream().map(l -> l.get("connect_ms").asDouble())
                        .toList();
                assertThat(slow).as("slow connects during %s", seg).isNotEmpty();
                // RTT is at most 30 ms here: a slow connect is one SYN retransmission (1 s) or two (3 s)
                assertThat(slow).allSatisfy(ms -> assertThat(ms > 1000 && ms < 1040 || ms > 3000 && ms < 3040)
                        .as("connect %.1f ms", ms).isTrue());
                assertThat(inside(trace, seg, l -> l.get("outcome").asText().equals("connect_timeout")
                        || l.get("outcome").asText().equals("reset"))).isNotEmpty();
            }
        }
        assertThat(seen).isPositive();
    }

    @Test
    void whenTheVantageFailsEveryTargetFailsControlIncluded() throws Exception {
        int seen = 0;
        for (int n = 1; n <= 14; n++) {
            List<JsonNode> truth = truth(n);
            List<JsonNode> vantage = truth.stream().filter(s -> s.get("cause").asText().equals("vantage")).toList();
            if (vantage.isEmpty()) {
                continue;
            }
            seen++;
            assertThat(vantage).hasSize(10);
            List<JsonNode> trace = trace(n);
            for (JsonNode seg : vantage) {
                List<JsonNode> ran = inside(trace, seg, PhysicsSuiteTest::ran);
                long failed = ran.stream().filter(l -> !ok(l)).count();
                boolean slowConnects = ran.stream().anyMatch(l -> l.hasNonNull("connect_ms")
                        && l.get("connect_ms").asDouble() > 900);
                assertThat(failed > 0 && (failed * 2 >= ran.size() || slowConnects)).as("%s", seg).isTrue();
            }
        }
        assertThat(seen).isPositive();
    }

    @Test
    void healthyMorningsHaveNoTruthAndOnlyRareLoneTransients() throws Exception {
        int seen = 0;
        for (int n = 1; n <= 14; n++) {
            if (!plan(n).get("kind").asText().equals("healthy")) {
                continue;
            }
            seen++;
            assertThat(truth(n)).isEmpty();
            List<JsonNode> ran = trace(n).stream().filter(PhysicsSuiteTest::ran).toList();
            long failed = ran.stream().filter(l -> !ok(l)).count();
            assertThat(failed).as("failures on a healthy morning").isLessThan(ran.size() / 500);
            // the rush stays within capacity: page steps answer in well under a second
            List<Double> pages = ran.stream().filter(l -> l.get("kind").asText().equals("page") && ok(l))
                    .map(l -> l.get("ttfb_ms").asDouble()).sorted().toList();
            assertThat(pages.get(pages.size() * 95 / 100)).isLessThan(1000.0);
        }
        assertThat(seen).isEqualTo(2);
    }

    @Test
    void maintenanceResultsCarryTheFlagAndBadArgumentsExitWithTwo() throws Exception {
        int seen = 0;
        for (int n = 1; n <= 14; n++) {
            List<JsonNode> trace = trace(n);
            for (JsonNode seg : truth(n)) {
                if (seg.get("cause").asText().equals("maintenance")) {
                    seen++;
                    assertThat(inside(trace, seg, l -> true)).isNotEmpty()
                            .allSatisfy(l -> assertThat(l.get("maintenance").asBoolean()).isTrue());
                }
            }
        }
        assertThat(seen).isPositive();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(PhysicsMain.run(new String[] {"--fleet"}, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage: physics");
        try (Stream<Path> files = Files.list(suite)) {
            assertThat(files.count()).isEqualTo(14 * 3);
        }
    }
}
