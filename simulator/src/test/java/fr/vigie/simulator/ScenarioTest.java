package fr.vigie.simulator;

import fr.vigie.simulator.faults.GroundTruthRecord;
import fr.vigie.simulator.scenario.Scenario;
import fr.vigie.simulator.scenario.ScenarioPlayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scenario files load and validate; the player injects faults at their offsets and the ground truth follows. */
class ScenarioTest {
    @TempDir
    Path dir;

    @Test
    void builtInScenariosLoad() {
        Scenario april = Scenario.builtIn("2021-04-06");
        assertThat(april.length()).isEqualTo(Duration.ofMinutes(5));
        assertThat(april.events()).extracting(e -> e.type()).containsExactly("flash_crowd", "attack", "storage");
        assertThat(april.events().get(0).hostingGroup()).isEqualTo("ovh-sbg");
        assertThat(april.events().get(1).targets()).containsExactly("cned-college");
        assertThat(april.events().get(2).targets()).containsExactly("ent-grand-est");
        assertThat(april.events()).allSatisfy(e -> assertThat(e.end()).isLessThanOrEqualTo(Duration.ofSeconds(240)));
        assertThat(Scenario.builtIn("hosting-outage").events()).isNotEmpty();
        assertThat(Scenario.builtIn("application-faults").events()).isNotEmpty();
        Scenario dns = Scenario.builtIn("dns-outage");
        assertThat(dns.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("hosting_outage");
            assertThat(e.variant()).isEqualTo("dns");
            assertThat(e.hostingGroup()).isEqualTo("recia");
            assertThat(e.duration()).isEqualTo(90.0);
            assertThat(e.toRequest().removesNames()).isTrue();
        });
    }

    @Test
    void invalidScenariosAreRejectedWithTheirReason() {
        assertThatThrownBy(() -> Scenario.parse("name: x\nduration: 10\nevents:\n  - {at: 1, duration: 2, type: meteor, targets: [a]}\n"))
                .hasMessageContaining("unknown fault type 'meteor'");
        assertThatThrownBy(() -> Scenario.parse("name: x\nduration: 10\nevents:\n  - {at: 5, duration: 20, type: storage, targets: [a]}\n"))
                .hasMessageContaining("ends after the scenario's duration");
        assertThatThrownBy(() -> Scenario.parse("name: x\nduration: 10\nevents:\n  - {at: 1, duration: 2, type: rush}\n"))
                .hasMessageContaining("a rush needs hostingGroup and intensity");
        assertThatThrownBy(() -> Scenario.parse("name: x\nduration: 10\ncolour: red\n"))
                .hasMessageContaining("colour");
        assertThatThrownBy(() -> Scenario.parse("name: x\nduration: 10\nevents:\n  - {at: 1, duration: 2, type: attack, targets: [a], variant: nuke}\n"))
                .hasMessageContaining("variant 'nuke'");
    }

    @Test
    void playerInjectsAtOffsetsAndGroundTruthRecordsTheSegments() throws Exception {
        Path truth = dir.resolve("truth.jsonl");
        List<ServiceSpec> specs = FleetFixture.oneOfEach();
        try (FleetFixture fx = new FleetFixture(specs, SimOptions.quiet().withGroundTruth(truth))) {
            Scenario scenario = Scenario.parse("""
                    name: tiny
                    duration: 8.5
                    events:
                      - {at: 0.3, duration: 7.5, type: hosting_outage, targets: [cned]}
                      - {at: 0.1, duration: 1.0, type: maintenance, hostingGroup: host-a}
                    """);
            ScenarioPlayer player = new ScenarioPlayer(fx.vertx, fx.fleet, InstantSource.system());
            Instant start = Instant.now();
            // the outage lasts long enough (7.5 s) for a poll on a loaded CI machine to see it
            var done = player.play(scenario, start);
            assertThat(FaultSignaturesTest.poll(() -> refused(fx.url("cned", "/login"))))
                    .as("the outage starts during the scenario").isTrue();
            fx.await(done);
            assertThat(FaultSignaturesTest.poll(() -> fx.fleet.faults().history().size() == 2)).isTrue();
            GroundTruthRecord outage = fx.fleet.faults().history().stream()
                    .filter(r -> r.target().equals("cned")).findFirst().orElseThrow();
            assertThat(Duration.between(start, outage.start())).isBetween(Duration.ofMillis(250), Duration.ofMillis(3000));
            assertThat(Duration.between(outage.start(), outage.end())).isBetween(Duration.ofMillis(7450), Duration.ofMillis(10000));
            assertThat(outage.cause()).isEqualTo("network");
            assertThat(FaultSignaturesTest.poll(() -> lines(truth).size() == 2)).isTrue();
            assertThat(new Browser(false).get(fx.url("cned", "/login")).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aRushAddsLoadWithoutGroundTruth() throws Exception {
        try (FleetFixture fx = new FleetFixture(FleetFixture.oneOfEach(), SimOptions.quiet())) {
            Scenario scenario = Scenario.parse("""
                    name: busy
                    duration: 2
                    events:
                      - {at: 0, duration: 2, type: rush, hostingGroup: host-a, intensity: 0.7}
                    """);
            var done = new ScenarioPlayer(fx.vertx, fx.fleet, InstantSource.system()).play(scenario, Instant.now());
            assertThat(FaultSignaturesTest.poll(() -> offered(fx, "host-a") > 0)).as("the rush loads host-a").isTrue();
            assertThat(offered(fx, "host-b")).isZero();
            fx.await(done);
            assertThat(fx.fleet.faults().history()).isEmpty();
            assertThat(fx.fleet.faults().active()).isEmpty();
        }
    }

    private static double offered(FleetFixture fx, String group) {
        try {
            return fx.await(fx.fleet.stats()).getJsonObject("hosts").getJsonObject(group).getDouble("offeredRate");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void playerRefusesAScenarioNamingAnUnknownTarget() throws Exception {
        try (FleetFixture fx = new FleetFixture(FleetFixture.oneOfEach(), SimOptions.quiet())) {
            ScenarioPlayer player = new ScenarioPlayer(fx.vertx, fx.fleet, InstantSource.system());
            assertThatThrownBy(() -> fx.await(player.play(Scenario.builtIn("2021-04-06"), Instant.now())))
                    .hasMessageContaining("unknown");
        }
    }

    private static boolean refused(String url) {
        try {
            new Browser(false).get(url);
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
