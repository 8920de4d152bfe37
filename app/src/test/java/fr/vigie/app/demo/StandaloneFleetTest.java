package fr.vigie.app.demo;

import fr.vigie.config.ConfigLoader;
import fr.vigie.config.VigieConfig;
import fr.vigie.simulator.LoopbackPorts;
import fr.vigie.simulator.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code vigie simulate}'s fleet: the demo configuration's services, alone, with their fault API and scenario. */
class StandaloneFleetTest {
    @TempDir
    Path dir;

    @Test
    void servesTheConfiguredTargetsWithTheirFaultApiAndPlaysTheScenario() throws Exception {
        List<Integer> ports = LoopbackPorts.free(3);
        Path configFile = dir.resolve("fleet.yaml");
        Files.writeString(configFile, """
                targets:
                  - {id: ent-a, kind: ent, hosting-group: ovh, base-url: "http://127.0.0.1:%d", journey: open-ent-ng,
                     credentials: {username: "${VIGIE_DEMO_USERNAME}", password: "${VIGIE_DEMO_PASSWORD}"}}
                  - {id: control, kind: control, base-url: "http://127.0.0.1:%d", journey: control}
                """.formatted(ports.get(0), ports.get(1)));
        Path scenarioFile = dir.resolve("disk.yaml");
        Files.writeString(scenarioFile, """
                name: disk
                description: "Disque plein sur ent-a"
                duration: 120
                events:
                  - {at: 0, duration: 120, type: storage, targets: [ent-a]}
                """);
        DemoAccount account = DemoAccount.generate();
        VigieConfig config = new ConfigLoader(account.environment(java.util.Map.of())).load(configFile);
        Path groundTruth = dir.resolve("ground-truth.jsonl");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        try (StandaloneFleet fleet = StandaloneFleet.start(config, account, ports.get(2), groundTruth,
                Optional.of(Scenario.resolve(scenarioFile.toString())))) {
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + ports.get(0) + "/auth/login")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(200);

            HttpResponse<String> stats = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + ports.get(2) + "/stats")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(stats.statusCode()).isEqualTo(200);
            assertThat(stats.body()).contains("ent-a", "control");

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (fleet.fleet().faults().active().isEmpty() && System.nanoTime() < deadline) {
                java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L); // bounded poll
            }
            assertThat(fleet.fleet().faults().active()).as("the scenario's storage fault is playing")
                    .singleElement().satisfies(f -> assertThat(f.targets()).containsExactly("ent-a"));
        }
        assertThat(Files.readString(groundTruth)).as("closing ends the fault's ground truth")
                .contains("ent-a", "storage");
    }
}
