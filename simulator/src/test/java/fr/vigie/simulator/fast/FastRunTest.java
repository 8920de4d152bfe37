package fr.vigie.simulator.fast;

import fr.vigie.simulator.Capacity;
import fr.vigie.simulator.scenario.Scenario;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast mode turns a scenario into the trace a probe would have written, on a simulated clock. */
class FastRunTest {
    private static final Instant START = Instant.parse("2021-04-06T05:30:00Z");
    private static final List<FastTarget> FLEET = List.of(
            new FastTarget("ent-a", "open-ent-ng-write", "g1", Capacity.standard()),
            new FastTarget("ent-b", "kosmos-write", "g1", Capacity.standard()),
            new FastTarget("cned", "cned-write", "g2", Capacity.standard()),
            new FastTarget("ctl", "control", "g3", Capacity.standard()));
    private static final Scenario SCENARIO = Scenario.parse("""
            name: fast-test
            duration: 200
            events:
              - {at: 60, duration: 120, type: flash_crowd, hostingGroup: g1, intensity: 3}
              - {at: 30, duration: 60, type: storage, targets: [cned], variant: disk_full, intensity: 0.0001}
              - {at: 120, duration: 40, type: hosting_outage, hostingGroup: g2, variant: timeout}
            """);

    private record Run(List<JsonObject> trace, List<JsonObject> truth, String raw) {
        List<JsonObject> steps(String target, String step, double fromS, double toS) {
            return trace.stream().filter(l -> l.getString("target").equals(target) && l.getString("step").equals(step))
                    .filter(l -> {
                        double s = Duration.between(START, Instant.parse(l.getString("ts"))).toMillis() / 1000.0;
                        return s >= fromS && s < toS;
                    }).toList();
        }
    }

    private static Run run(long seed) throws Exception {
        StringWriter trace = new StringWriter();
        StringWriter truth = new StringWriter();
        FastRun.Summary summary = new FastRun(FLEET, FastOptions.defaults().withSeed(seed))
                .run(SCENARIO, START, trace, truth);
        assertThat(summary.rounds()).isEqualTo(4 * 40);
        return new Run(lines(trace.toString()), lines(truth.toString()), trace.toString());
    }

    private static List<JsonObject> lines(String s) {
        return Arrays.stream(s.split("\n")).filter(l -> !l.isBlank()).map(JsonObject::new).toList();
    }

    @Test
    void flashCrowdOpensTheWaitingRoomOnTheSharedHostOnlyWhileItLasts() throws Exception {
        Run r = run(1);
        assertThat(r.steps("ent-a", "login-page", 0, 60)).allSatisfy(l -> assertThat(l.getString("outcome")).isEqualTo("ok"));
        List<JsonObject> crowded = r.steps("ent-a", "login-page", 60, 180);
        assertThat(crowded).anySatisfy(l -> {
            assertThat(l.getString("outcome")).isEqualTo("signature");
            assertThat(l.getString("signature")).isEqualTo("waiting_room");
            assertThat(l.getInteger("status")).isEqualTo(200);
            assertThat(l.getInteger("queue_position")).isGreaterThan(400);
        });
        double calm = r.steps("ent-b", "login-page", 0, 60).stream().mapToDouble(l -> l.getDouble("ttfb_ms")).max().orElseThrow();
        assertThat(r.steps("ent-b", "login-page", 100, 140)).as("the CAS service on the same host queues")
                .anySatisfy(l -> assertThat(l.getDouble("ttfb_ms")).isGreaterThan(10 * calm));
        assertThat(r.steps("ent-a", "login-page", 190, 200)).allSatisfy(l -> assertThat(l.getString("outcome")).isEqualTo("ok"));
        assertThat(r.steps("ctl", "home", 0, 200)).allSatisfy(l -> assertThat(l.getString("outcome")).isEqualTo("ok"));
    }

    @Test
    void storageFailsWritesOnlyAndAnOutageTimesOutConnectsThenSkipsTheJourney() throws Exception {
        Run r = run(1);
        assertThat(r.steps("cned", "homework", 31, 89)).isNotEmpty().allSatisfy(l -> {
            assertThat(l.getString("signature")).isEqualTo("disk_full");
            assertThat(l.getInteger("status")).isEqualTo(507);
        });
        assertThat(r.steps("cned", "static", 31, 89)).allSatisfy(l -> assertThat(l.getString("outcome")).isEqualTo("ok"));
        assertThat(r.steps("cned", "homework", 0, 29)).allSatisfy(l -> assertThat(l.getInteger("status")).isEqualTo(201));
        assertThat(r.steps("cned", "login-page", 121, 159)).isNotEmpty().allSatisfy(l -> {
            assertThat(l.getString("outcome")).isEqualTo("connect_timeout");
            assertThat(l.getDouble("total_ms")).isEqualTo(2000.0);
        });
        assertThat(r.steps("cned", "courses", 121, 159)).allSatisfy(l -> assertThat(l.getString("outcome")).isEqualTo("skipped"));
    }

    @Test
    void aDnsOutageEndsEachJourneyOfTheGroupWithAFastDnsFailureAndStaysNetworkInTheTruth() throws Exception {
        Scenario dns = Scenario.parse("""
                name: fast-dns
                duration: 120
                events:
                  - {at: 30, duration: 60, type: hosting_outage, hostingGroup: g1, variant: dns}
                """);
        StringWriter trace = new StringWriter();
        StringWriter truth = new StringWriter();
        new FastRun(FLEET, FastOptions.defaults().withSeed(3)).run(dns, START, trace, truth);
        Run r = new Run(lines(trace.toString()), lines(truth.toString()), trace.toString());
        for (String target : List.of("ent-a", "ent-b")) {
            assertThat(r.steps(target, "login-page", 31, 89)).as(target).isNotEmpty().allSatisfy(l -> {
                assertThat(l.getString("outcome")).isEqualTo("dns_failure");
                assertThat(l.getValue("status")).isNull();
                assertThat(l.getValue("signature")).isNull();
                assertThat(l.getValue("dns_ms")).isNull();
                assertThat(l.getValue("connect_ms")).isNull();
                assertThat(l.getValue("ttfb_ms")).isNull();
                assertThat(l.getDouble("total_ms")).isBetween(0.5, 10.0);
                assertThat(l.getString("detail")).contains("no such name (NXDOMAIN)");
            });
            assertThat(r.steps(target, "login", 31, 89)).allSatisfy(l ->
                    assertThat(l.getString("outcome")).isEqualTo("skipped"));
            assertThat(r.steps(target, "login-page", 0, 29)).allSatisfy(l ->
                    assertThat(l.getString("outcome")).isEqualTo("ok"));
            assertThat(r.steps(target, "login-page", 91, 120)).isNotEmpty().allSatisfy(l ->
                    assertThat(l.getString("outcome")).isEqualTo("ok"));
        }
        assertThat(r.trace()).filteredOn(l -> !l.getString("target").startsWith("ent-"))
                .allSatisfy(l -> assertThat(l.getString("outcome")).isEqualTo("ok"));
        assertThat(r.truth()).extracting(l -> l.getString("target") + ":" + l.getString("cause") + ":"
                + l.getString("variant")).containsExactly("ent-a:network:dns", "ent-b:network:dns");
    }

    @Test
    void theBuiltInDnsOutageRunsOnTheDemoFleetInFastMode() throws Exception {
        List<FastTarget> demo = FleetFile.read(java.nio.file.Path.of("..", "config", "demo.yaml"));
        StringWriter trace = new StringWriter();
        StringWriter truth = new StringWriter();
        new FastRun(demo, FastOptions.defaults()).run(Scenario.builtIn("dns-outage"), START, trace, truth);
        List<String> recia = demo.stream().filter(t -> t.hostingGroup().equals("recia")).map(FastTarget::id).toList();
        assertThat(recia).hasSizeGreaterThanOrEqualTo(2);
        List<JsonObject> failures = lines(trace.toString()).stream()
                .filter(l -> "dns_failure".equals(l.getString("outcome"))).toList();
        assertThat(failures).extracting(l -> l.getString("target")).containsOnlyElementsOf(recia)
                .containsAll(recia);
        assertThat(lines(truth.toString())).hasSize(recia.size())
                .allSatisfy(l -> assertThat(l.getString("cause")).isEqualTo("network"));
    }

    @Test
    void groundTruthHasOneSegmentPerTargetAndTheRunIsDeterministic() throws Exception {
        Run r = run(7);
        assertThat(r.truth()).extracting(l -> l.getString("target") + ":" + l.getString("cause"))
                .containsExactly("ent-a:saturation", "ent-b:saturation", "cned:storage", "cned:network");
        assertThat(r.truth().get(0).getString("start")).isEqualTo("2021-04-06T05:31:00Z");
        assertThat(r.truth().get(0).getString("end")).isEqualTo("2021-04-06T05:33:00Z");
        assertThat(r.trace()).allSatisfy(l -> assertThat(l.fieldNames()).contains("ts", "target", "step", "outcome",
                "bytes", "maintenance"));
        assertThat(run(7).raw()).isEqualTo(r.raw());
        assertThat(run(8).raw()).isNotEqualTo(r.raw());
    }
}
