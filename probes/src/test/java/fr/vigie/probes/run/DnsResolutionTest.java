package fr.vigie.probes.run;

import fr.vigie.config.StepKind;
import fr.vigie.probes.Outcome;
import fr.vigie.probes.StepResult;
import fr.vigie.probes.testing.Await;
import fr.vigie.probes.testing.Fixtures;
import fr.vigie.simulator.dns.DnsFault;
import fr.vigie.simulator.dns.SimulatedDns;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Names resolved by configured DNS servers: a real (simulated) DNS server on loopback that misbehaves. */
class DnsResolutionTest {
    static final String NAME = "ent.ovh.vigie.test";
    static Vertx vertx;
    static int port;
    final List<SimulatedDns> servers = new ArrayList<>();
    final List<JourneyRunner> runners = new ArrayList<>();

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        HttpServer http = Await.result(vertx.createHttpServer().requestHandler(req -> req.response().end("ok"))
                .listen(0, "127.0.0.1"));
        port = http.actualPort();
    }

    @AfterAll
    static void stop() {
        Await.result(vertx.close());
    }

    @AfterEach
    void closeAll() {
        runners.forEach(r -> Await.result(r.close()));
        servers.forEach(SimulatedDns::close);
    }

    SimulatedDns dns() {
        SimulatedDns dns = SimulatedDns.start(Map.of(NAME, "127.0.0.1"));
        dns.ttl(Duration.ZERO); // every probe asks again: each one pays, and measures, the server's delay
        servers.add(dns);
        return dns;
    }

    JourneyRunner runner(SimulatedDns... using) {
        List<String> addresses = java.util.Arrays.stream(using).map(SimulatedDns::address).toList();
        JourneyRunner runner = new JourneyRunner(vertx, Fixtures.settings(
                Fixtures.probing(Duration.ofMillis(1500), 1_000_000).withDnsServers(addresses)));
        runners.add(runner);
        return runner;
    }

    static StepResult probe(JourneyRunner runner) {
        var journey = Fixtures.journey(Fixtures.get("home", StepKind.PAGE, "/",
                Fixtures.expect(List.of(200), "ok", null)));
        List<StepResult> r = Await.result(runner.run(Fixtures.target("http://" + NAME + ":" + port), journey,
                RoundInfo.now(), x -> { }));
        assertThat(r).hasSize(1);
        return r.get(0);
    }

    @Test
    void dnsMedianIsTheInjectedResolverDelay() {
        SimulatedDns slow = dns();
        slow.delay(Duration.ofMillis(100));
        JourneyRunner viaSlow = runner(slow);
        JourneyRunner viaFast = runner(dns());
        probe(viaSlow);
        probe(viaFast);
        List<StepResult> delayed = new ArrayList<>();
        List<StepResult> baseline = new ArrayList<>();
        for (int i = 0; i < PhaseTimingTest.RUNS; i++) {
            delayed.add(probe(viaSlow));
            baseline.add(probe(viaFast));
        }
        assertThat(delayed).allSatisfy(r -> assertThat(r.outcome()).as(r.detail()).isEqualTo(Outcome.OK));
        double slowMedian = PhaseTimingTest.median(delayed, StepResult::dnsMs);
        double fastMedian = PhaseTimingTest.median(baseline, StepResult::dnsMs);
        double tolerance = PhaseTimingTest.tolerance(baseline, delayed, StepResult::dnsMs);
        System.out.printf("DNS injected 100 ms: median %.2f ms, baseline %.2f ms, tolerance %.1f ms%n",
                slowMedian, fastMedian, tolerance);
        // every probe asks afresh (TTL 0), so each one pays the delay
        assertThat(slowMedian - fastMedian).isBetween(100 - tolerance, 100 + tolerance);
        assertThat(PhaseTimingTest.median(delayed, StepResult::connectMs)).as("not counted as connect")
                .isLessThan(50.0);
    }

    @Test
    void aNameThatDisappearedIsDnsFailureAndNothingIsConnected() {
        SimulatedDns dns = dns();
        dns.fail("ovh.vigie.test", DnsFault.NXDOMAIN); // the hosting group's zone is gone
        StepResult r = probe(runner(dns, dns()));
        assertThat(r.outcome()).isEqualTo(Outcome.DNS_FAILURE);
        assertThat(r.detail()).contains("NXDOMAIN");
        assertThat(r.connectMs()).isNull();
        assertThat(r.dnsMs()).isNull();
    }

    @Test
    void aSilentServerIsDnsFailureWithinTheDeadline() {
        SimulatedDns dns = dns();
        dns.fail(NAME, DnsFault.SILENT);
        StepResult r = probe(runner(dns));
        assertThat(r.outcome()).isEqualTo(Outcome.DNS_FAILURE);
        assertThat(r.totalMs()).isLessThan(3000.0);
    }

    @Test
    void aFailingOrSilentServerIsBackedUpByTheNextOne() {
        SimulatedDns broken = dns();
        broken.fail(NAME, DnsFault.SERVFAIL);
        SimulatedDns silent = dns();
        silent.fail(NAME, DnsFault.SILENT);
        StepResult r = probe(runner(broken, silent, dns()));
        assertThat(r.outcome()).as(r.detail()).isEqualTo(Outcome.OK);
        assertThat(r.dnsMs()).as("includes the silent server's query time-out").isGreaterThan(500.0);
    }

    @Test
    void healedZoneResolvesAgain() {
        SimulatedDns dns = dns();
        dns.fail("ovh.vigie.test", DnsFault.NXDOMAIN);
        JourneyRunner runner = runner(dns);
        assertThat(probe(runner).outcome()).isEqualTo(Outcome.DNS_FAILURE);
        dns.heal("ovh.vigie.test");
        assertThat(probe(runner).outcome()).as("no negative cache in the prober").isEqualTo(Outcome.OK);
    }
}
