package fr.vigie.app;

import fr.vigie.aggregator.AggregatorListener;
import fr.vigie.aggregator.Cause;
import fr.vigie.aggregator.Evidence;
import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.IncidentEvent;
import fr.vigie.aggregator.Status;
import fr.vigie.aggregator.Verdict;
import fr.vigie.app.demo.DemoAccount;
import fr.vigie.app.system.VigieSystem;
import fr.vigie.config.ConfigLoader;
import fr.vigie.config.VigieConfig;
import fr.vigie.simulator.LoopbackPorts;
import fr.vigie.simulator.ServiceSpec;
import fr.vigie.simulator.SimOptions;
import fr.vigie.simulator.SimulatedFleet;
import fr.vigie.simulator.faults.FaultRequest;
import fr.vigie.simulator.faults.FaultType;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hosting group disappears from DNS, end to end: simulated services addressed by names under .test, the probes
 * asking the fleet's DNS server ({@code probing.dns-servers}), the simulator's {@code hosting_outage} of variant
 * {@code dns} on a group of two ENTs: the aggregator opens one {@code network} incident on {@code hosting:<group>}
 * whose evidence names the DNS failure, while the other group and the control target stay operational; the
 * incident resolves once the zone is back.
 */
class DnsOutageEndToEndTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String GROUP = "zone-ovh";

    @TempDir
    Path dir;

    @Test
    void aGroupGoneFromDnsBecomesANetworkIncidentOnItsHostingGroupWithDnsEvidence() throws Exception {
        Vertx vertx = Vertx.vertx();
        DemoAccount account = DemoAccount.generate();
        List<Integer> ports = LoopbackPorts.free(6);
        String entA = "http://ent-a.ovh.vigie.test:" + ports.get(0);
        String entB = "http://ent-b.ovh.vigie.test:" + ports.get(1);
        String other = "http://ent.region.vigie.test:" + ports.get(2);
        String control = "http://127.0.0.1:" + ports.get(3);
        List<ServiceSpec> specs = List.of(
                ServiceSpec.forTarget("ent-a", "open-ent-ng", entA, GROUP, account.username(), account.password()),
                ServiceSpec.forTarget("ent-b", "open-ent-ng", entB, GROUP, account.username(), account.password()),
                ServiceSpec.forTarget("ent-region", "open-ent-ng", other, "region-dc", account.username(),
                        account.password()),
                ServiceSpec.forTarget("control", "control", control, "vigie-control", "", ""));
        SimulatedFleet fleet = null;
        VigieSystem system = null;
        try {
            fleet = SimulatedFleet.start(vertx, specs, SimOptions.quiet())
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            String dns = fleet.dnsAddress().orElseThrow();

            // The configuration is written now: only now is the fleet's DNS port known.
            Path file = dir.resolve("dns-e2e.yaml");
            Files.writeString(file, """
                    site: {output: %1$s/site, listen: "127.0.0.1:%2$d", languages: [fr, en]}
                    storage: {type: embedded, path: %1$s/vigie.db}
                    vantage: {id: test, label: Test}
                    probing:
                      user-agent: Vigie/test
                      max-requests-per-second: 100
                      connect-timeout: 2s
                      step-timeout: 5s
                      dns-servers: ["%3$s"]
                    schedules: {fast: {every: 1s}}
                    classifier: {open-after-rounds: 2, close-after-rounds: 3, window: 2m, slow-factor: 3.0}
                    targets:
                      - {id: ent-a, name: Ent A, kind: ent, hosting-group: %4$s, base-url: "%5$s",
                         journey: open-ent-ng, schedule: fast,
                         credentials: {username: "${VIGIE_DEMO_USERNAME}", password: "${VIGIE_DEMO_PASSWORD}"}}
                      - {id: ent-b, name: Ent B, kind: ent, hosting-group: %4$s, base-url: "%6$s",
                         journey: open-ent-ng, schedule: fast,
                         credentials: {username: "${VIGIE_DEMO_USERNAME}", password: "${VIGIE_DEMO_PASSWORD}"}}
                      - {id: ent-region, name: Ent Region, kind: ent, hosting-group: region-dc, base-url: "%7$s",
                         journey: open-ent-ng, schedule: fast,
                         credentials: {username: "${VIGIE_DEMO_USERNAME}", password: "${VIGIE_DEMO_PASSWORD}"}}
                      - {id: control, name: Contrôle, kind: control, hosting-group: vigie-control,
                         base-url: "%8$s", journey: control, schedule: fast}
                    alerts:
                      admin: {listen: "127.0.0.1:%9$d"}
                    """.formatted(dir, ports.get(4), dns, GROUP, entA, entB, other, control, ports.get(5)));
            VigieConfig config = new ConfigLoader(account.environment(Map.of())).load(file);
            assertThat(config.probing().dnsServers()).containsExactly(dns);

            Map<String, CompletableFuture<Verdict>> firstVerdict = new ConcurrentHashMap<>();
            config.targets().forEach(t -> firstVerdict.put(t.id(), new CompletableFuture<>()));
            Map<String, Verdict> latest = new ConcurrentHashMap<>();
            CompletableFuture<Incident> networkIncident = new CompletableFuture<>();
            CompletableFuture<Incident> resolved = new CompletableFuture<>();
            system = VigieSystem.start(vertx, config, Optional.of(dir.resolve("trace.jsonl")), Clock.systemUTC(),
                    new AggregatorListener() {
                        @Override
                        public void onVerdict(Verdict v) {
                            firstVerdict.get(v.target()).complete(v);
                            latest.put(v.target(), v);
                        }

                        @Override
                        public void onIncidentEvent(IncidentEvent e, Incident state) {
                            if (state.cause() == Cause.NETWORK && state.scope().equals("hosting:" + GROUP)
                                && state.targets().containsAll(List.of("ent-a", "ent-b"))
                                && state.evidence().stream().anyMatch(ev -> ev.fr().contains("DNS"))) {
                                networkIncident.complete(state);
                            }
                            if (e.type() == IncidentEvent.Type.RESOLVED && state.scope().equals("hosting:" + GROUP)) {
                                resolved.complete(state);
                            }
                        }
                    });

            // 1. Names resolve through the fleet's DNS: every target logs in and is judged operational.
            for (var t : config.targets()) {
                Verdict v = firstVerdict.get(t.id()).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                assertThat(v.status()).as("first verdict of %s: %s", t.id(), v).isEqualTo(Status.OPERATIONAL);
            }
            String healthy = Files.readString(dir.resolve("trace.jsonl"));
            assertThat(healthy).contains("\"target\":\"ent-a\"").contains("\"outcome\":\"ok\"")
                    .doesNotContain("dns_failure");

            // 2. The group's zone disappears: its names answer NXDOMAIN, its servers keep running.
            fleet.faults().inject(FaultRequest.onGroup(FaultType.HOSTING_OUTAGE, GROUP, 1, null).withVariant("dns"))
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            Incident incident = networkIncident.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertThat(incident.cause()).isEqualTo(Cause.NETWORK);
            assertThat(incident.scope()).isEqualTo("hosting:" + GROUP);
            assertThat(incident.targets()).containsExactlyInAnyOrder("ent-a", "ent-b");
            assertThat(incident.status()).isNotEqualTo(Status.OPERATIONAL);
            assertThat(incident.evidence()).extracting(Evidence::fr).anyMatch(s -> s.contains("échec DNS"));
            assertThat(Files.readString(dir.resolve("trace.jsonl"))).contains("\"outcome\":\"dns_failure\"")
                    .contains("NXDOMAIN");
            assertThat(fleet.requestCount("ent-a")).as("the server itself is up").isPositive();

            // 3. Only that group: the other ENT and the control target stay operational (not the vantage).
            assertThat(latest.get("ent-region").status()).isEqualTo(Status.OPERATIONAL);
            assertThat(latest.get("control").status()).isEqualTo(Status.OPERATIONAL);
            assertThat(latest.get("ent-a").cause()).isEqualTo(Cause.NETWORK);

            // 4. The zone comes back: the names resolve again and the incident resolves.
            String id = fleet.faults().active().get(0).id();
            fleet.faults().clear(id).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            Incident after = resolved.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertThat(after.id()).isEqualTo(incident.id());
            assertThat(fleet.faults().history()).hasSize(2).allSatisfy(r -> {
                assertThat(r.cause()).isEqualTo("network");
                assertThat(r.variant()).isEqualTo("dns");
            });
        } finally {
            if (system != null) {
                system.close();
            }
            if (fleet != null) {
                fleet.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            }
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }
}
