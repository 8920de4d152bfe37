package fr.vigie.app;

import fr.vigie.aggregator.AggregatorListener;
import fr.vigie.aggregator.Cause;
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
import fr.vigie.simulator.dns.DnsFault;
import fr.vigie.simulator.dns.SimulatedDns;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.awaitility.Awaitility;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The vantage rule for DNS, end to end (FleetView.VANTAGE_SHARE: 80 % of the targets probed lately unreachable
 * together, over two hosts or more, is the prober's own fault): five ENTs of three hosting groups addressed by
 * names under .test, resolved by the fleet's real DNS server on loopback, which answers SERVFAIL for some of them.
 * With 4 of 5 names failing (80 %) the verdict is the vantage's, nothing is shown as an outage and no public
 * incident opens; with 3 of 5 (60 %) they are the platforms' network faults, with a public incident. A healthy
 * control target reached by address keeps the other vantage check (a failing control) out of it: only the 80 %
 * rule can blame the vantage here.
 */
class DnsVantageEndToEndTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final List<String> ENTS = List.of("ent-a", "ent-b", "ent-c", "ent-d", "ent-e");

    @TempDir
    Path dir;

    @Test
    void eightyPercentOfNamesFailingIsTheVantageAndSixtyPercentIsThePlatforms() throws Exception {
        Vertx vertx = Vertx.vertx();
        DemoAccount account = DemoAccount.generate();
        List<Integer> ports = LoopbackPorts.free(8);
        Map<String, String> group = new LinkedHashMap<>();
        group.put("ent-a", "g1");
        group.put("ent-b", "g1");
        group.put("ent-c", "g2");
        group.put("ent-d", "g2");
        group.put("ent-e", "g3");
        Map<String, String> host = new LinkedHashMap<>();
        List<ServiceSpec> specs = new ArrayList<>();
        for (int i = 0; i < ENTS.size(); i++) {
            String id = ENTS.get(i);
            host.put(id, id + "." + group.get(id) + ".vigie.test");
            specs.add(ServiceSpec.forTarget(id, "open-ent-ng", "http://" + host.get(id) + ":" + ports.get(i),
                    group.get(id), account.username(), account.password()));
        }
        String control = "http://127.0.0.1:" + ports.get(5);
        specs.add(ServiceSpec.forTarget("control", "control", control, "vigie-control", "", ""));
        SimulatedFleet fleet = null;
        VigieSystem system = null;
        try {
            fleet = SimulatedFleet.start(vertx, specs, SimOptions.quiet())
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            SimulatedDns dns = fleet.dns().orElseThrow();
            StringBuilder targets = new StringBuilder();
            for (int i = 0; i < ENTS.size(); i++) {
                String id = ENTS.get(i);
                targets.append("""
                          - {id: %1$s, name: %1$s, kind: ent, hosting-group: %2$s, base-url: "http://%3$s:%4$d",
                             journey: open-ent-ng, schedule: fast,
                             credentials: {username: "${VIGIE_DEMO_USERNAME}", password: "${VIGIE_DEMO_PASSWORD}"}}
                        """.formatted(id, group.get(id), host.get(id), ports.get(i)));
            }
            Path file = dir.resolve("dns-vantage.yaml");
            Files.writeString(file, """
                    site: {output: %1$s/site, listen: "127.0.0.1:%2$d", languages: [fr, en]}
                    storage: {type: embedded, path: %1$s/vigie.db}
                    vantage: {id: test, label: Test}
                    probing: {user-agent: Vigie/test, max-requests-per-second: 200, connect-timeout: 2s,
                              step-timeout: 5s, dns-servers: ["%3$s"]}
                    schedules: {fast: {every: 1s}}
                    classifier: {open-after-rounds: 3, close-after-rounds: 2, window: 2m, slow-factor: 3.0}
                    targets:
                    %4$s  - {id: control, name: Contrôle, kind: control, hosting-group: vigie-control,
                         base-url: "%5$s", journey: control, schedule: fast}
                    alerts:
                      admin: {listen: "127.0.0.1:%6$d"}
                    """.formatted(dir, ports.get(6), dns.address(), targets, control, ports.get(7)));
            VigieConfig config = new ConfigLoader(account.environment(Map.of())).load(file);

            List<Verdict> verdicts = new CopyOnWriteArrayList<>();
            Map<String, Verdict> latest = new ConcurrentHashMap<>();
            List<Incident> incidents = new CopyOnWriteArrayList<>();
            system = VigieSystem.start(vertx, config, Optional.of(dir.resolve("trace.jsonl")), Clock.systemUTC(),
                    new AggregatorListener() {
                        @Override
                        public void onVerdict(Verdict v) {
                            verdicts.add(v);
                            latest.put(v.target(), v);
                        }

                        @Override
                        public void onIncidentEvent(IncidentEvent e, Incident state) {
                            incidents.add(state);
                        }
                    });
            await(() -> latest.keySet().containsAll(config.targets().stream().map(t -> t.id()).toList())
                    && latest.values().stream().allMatch(DnsVantageEndToEndTest::operational), "all operational");

            // 1. 4 of 5 names fail (80 %, two hosts): the vantage, not two platform outages.
            int before = verdicts.size();
            int incidentsBefore = incidents.size();
            List<String> four = List.of("ent-a", "ent-b", "ent-c", "ent-d");
            four.forEach(t -> dns.fail(host.get(t), DnsFault.SERVFAIL));
            await(() -> four.stream().allMatch(t -> since(verdicts, before).stream()
                    .anyMatch(v -> v.target().equals(t) && v.cause() == Cause.VANTAGE)), "vantage verdicts");
            awaitDnsFailures("ent-d", 8); // several more rounds: the vantage holds, it does not turn into outages
            List<Verdict> above = since(verdicts, before);
            assertThat(above).filteredOn(v -> four.contains(v.target())).isNotEmpty()
                    .allSatisfy(v -> {
                        assertThat(v.cause()).as("%s", v).isIn(Cause.VANTAGE, Cause.NONE);
                        assertThat(v.status()).as("%s", v).isEqualTo(Status.OPERATIONAL);
                    });
            assertThat(since(incidents, incidentsBefore)).as("no public incident")
                    .noneMatch(Incident::isPublic);
            assertThat(latest.get("control").cause()).isEqualTo(Cause.NONE);

            // The names come back: everything is operational again.
            four.forEach(t -> dns.heal(host.get(t)));
            await(() -> latest.values().stream().allMatch(DnsVantageEndToEndTest::operational)
                    && four.stream().allMatch(t -> latest.get(t).cause() == Cause.NONE), "healed");

            // 2. 3 of 5 names fail (60 %, below the rule): the platforms' network faults, publicly.
            int middle = verdicts.size();
            int incidentsMiddle = incidents.size();
            List<String> three = List.of("ent-a", "ent-b", "ent-e");
            three.forEach(t -> dns.fail(host.get(t), DnsFault.SERVFAIL));
            await(() -> since(incidents, incidentsMiddle).stream().anyMatch(i -> i.isPublic()
                    && i.scope().equals("hosting:g1") && i.cause() == Cause.NETWORK
                    && i.targets().containsAll(List.of("ent-a", "ent-b"))), "a network incident on hosting:g1");
            List<Verdict> below = since(verdicts, middle);
            assertThat(below).filteredOn(v -> v.target().equals("ent-a"))
                    .anySatisfy(v -> assertThat(v.status()).isNotEqualTo(Status.OPERATIONAL));
            assertThat(below).as("never the vantage below 80 %").isNotEmpty()
                    .noneMatch(v -> v.cause() == Cause.VANTAGE);
            three.forEach(t -> dns.heal(host.get(t)));
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

    private static boolean operational(Verdict v) {
        return v.status() == Status.OPERATIONAL && v.cause() == Cause.NONE;
    }

    private static <T> List<T> since(List<T> all, int from) {
        return List.copyOf(all.subList(from, all.size()));
    }

    /** Waits until the trace holds {@code n} DNS failures of the target. */
    private void awaitDnsFailures(String target, int n) throws Exception {
        Path trace = dir.resolve("trace.jsonl");
        Predicate<String> line = l -> l.contains("\"target\":\"" + target + "\"")
                && l.contains("\"outcome\":\"dns_failure\"");
        await(() -> {
            try {
                return Files.readAllLines(trace).stream().filter(line).count() >= n;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, n + " DNS failures of " + target);
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) {
        Awaitility.await(what).atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(condition::getAsBoolean);
    }
}
