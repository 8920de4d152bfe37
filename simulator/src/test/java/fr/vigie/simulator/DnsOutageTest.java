package fr.vigie.simulator;

import fr.vigie.simulator.faults.FaultRequest;
import fr.vigie.simulator.faults.FaultType;
import fr.vigie.simulator.faults.GroundTruthRecord;
import fr.vigie.simulator.scenario.Scenario;
import fr.vigie.simulator.scenario.ScenarioPlayer;
import io.netty.resolver.dns.DnsErrorCauseException;
import io.vertx.core.dns.DnsClient;
import io.vertx.core.dns.DnsClientOptions;
import io.vertx.core.dns.DnsException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A hosting group disappears from DNS (hosting_outage, variant dns): the fleet's own DNS server answers NXDOMAIN
 * for the group's names while the servers keep answering on their addresses; the names come back when it ends.
 * Real parts: the fleet, its DNS server on loopback UDP, a Vert.x DNS client, plain HTTP.
 */
class DnsOutageTest {
    static final String ENT_A = "ent-a.ovh.vigie.test";
    static final String ENT_B = "ent-b.ovh.vigie.test";
    static final String CNED = "college.cned.vigie.test";

    @TempDir
    Path dir;
    private Path truth;
    private FleetFixture fx;
    private DnsClient client;

    @BeforeEach
    void start() throws Exception {
        truth = dir.resolve("ground-truth.jsonl");
        List<ServiceSpec> specs = new ArrayList<>();
        specs.add(named("ent-a", ENT_A, Flavour.OPEN_ENT_NG, "ovh"));
        specs.add(named("ent-b", ENT_B, Flavour.OPEN_ENT_NG, "ovh"));
        specs.add(named("cned", CNED, Flavour.CNED, "cned-cloud"));
        specs.add(FleetFixture.spec("literal", Flavour.CONTROL, "vigie-control", Capacity.standard()));
        fx = new FleetFixture(specs, SimOptions.quiet().withAdminPort(0).withGroundTruth(truth));
        // The Vert.x DNS client caches an answer for its TTL (5 s by default): with TTL 0 each lookup asks again,
        // so the test sees a change at once instead of up to 5 s later, as a probe would.
        fx.fleet.dns().orElseThrow().ttl(Duration.ZERO);
        String[] address = fx.fleet.dnsAddress().orElseThrow().split(":");
        client = fx.vertx.createDnsClient(new DnsClientOptions().setHost(address[0])
                .setPort(Integer.parseInt(address[1])).setQueryTimeout(2000));
    }

    @AfterEach
    void stop() throws Exception {
        fx.close();
    }

    private static ServiceSpec named(String id, String name, Flavour flavour, String group) {
        return ServiceSpec.forTarget(id, flavour == Flavour.CNED ? "cned-write" : "open-ent-ng-write",
                "http://" + name + ":" + FleetFixture.freePort(), group, FleetFixture.USER, FleetFixture.PASSWORD);
    }

    /** "127.0.0.1", "NXDOMAIN" (or another response code), as the DNS client sees the name now. */
    private String lookup(String name) {
        try {
            String ip = client.lookup4(name).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            return String.valueOf(ip);
        } catch (Exception e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof DnsException dns) {
                    return dns.code().name();
                }
                if (c instanceof DnsErrorCauseException netty) {
                    return netty.getCode().intValue() == 3 ? "NXDOMAIN" : "RCODE " + netty.getCode().intValue();
                }
            }
            return "error " + e;
        }
    }

    private boolean resolvesTo(String name, String expected) {
        return expected.equals(lookup(name));
    }

    private static String direct(ServiceSpec spec, String path) {
        return "http://" + spec.bindHost() + ":" + spec.port() + path;
    }

    @Test
    void namedServicesAreBoundOnLoopbackAndAnsweredByTheFleetsDns() throws Exception {
        ServiceSpec a = fx.service("ent-a");
        assertThat(a.host()).isEqualTo(ENT_A);
        assertThat(a.name()).hasValue(ENT_A);
        assertThat(a.bindHost()).isEqualTo("127.0.0.1");
        assertThat(a.baseUrl()).isEqualTo("http://" + ENT_A + ":" + a.port());
        assertThat(fx.service("literal").name()).isEmpty();
        assertThat(lookup(ENT_A)).isEqualTo("127.0.0.1");
        assertThat(lookup(CNED)).isEqualTo("127.0.0.1");
        assertThat(lookup("unknown.ovh.vigie.test")).isEqualTo("NXDOMAIN");
        assertThat(new Browser(false).get(direct(a, "/auth/login")).statusCode()).isEqualTo(200);
        assertThat(fx.await(fx.fleet.stats()).getString("dns")).isEqualTo(fx.fleet.dnsAddress().orElseThrow());
    }

    @Test
    void specsAcceptNamesUnderDotTestOnlyBesidesLoopback() {
        ServiceSpec upper = ServiceSpec.forTarget("x", "control", "http://Ent.Region.TEST:18101", "g", "", "");
        assertThat(upper.host()).isEqualTo("ent.region.test");
        assertThat(upper.bindHost()).isEqualTo("127.0.0.1");
        assertThat(ServiceSpec.isTestName("test")).isFalse();
        assertThat(ServiceSpec.isTestName("ent.example.com")).isFalse();
        assertThatThrownBy(() -> ServiceSpec.forTarget("x", "control", "http://ent.example.com:80", "g", "", ""))
                .hasMessageContaining("loopback").hasMessageContaining(".test");
        assertThatThrownBy(() -> ServiceSpec.forTarget("x", "control", "http://ent.test.example:80", "g", "", ""))
                .hasMessageContaining("loopback");
    }

    @Test
    void dnsOutageOnAGroupMakesItsNamesNxdomainWhileItsServersStillAnswerThenHeals() throws Exception {
        String admin = "http://127.0.0.1:" + fx.fleet.adminPort();
        Browser b = new Browser(false);
        HttpResponse<String> created = b.post(admin + "/faults", "application/json",
                "{\"type\":\"hosting_outage\",\"hostingGroup\":\"ovh\",\"variant\":\"dns\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = new JsonObject(created.body()).getString("id");

        assertThat(FaultSignaturesTest.poll(() -> resolvesTo(ENT_A, "NXDOMAIN"))).as(ENT_A + " gone").isTrue();
        assertThat(lookup(ENT_B)).isEqualTo("NXDOMAIN");
        assertThat(lookup(CNED)).as("another group keeps its name").isEqualTo("127.0.0.1");
        for (String target : List.of("ent-a", "ent-b")) {
            assertThat(b.get(direct(fx.service(target), "/auth/login")).statusCode())
                    .as("the servers of %s are up: only their name is gone", target).isEqualTo(200);
        }
        JsonObject stats = new JsonObject(b.get(admin + "/stats").body()).getJsonObject("targets");
        assertThat(stats.getJsonObject("ent-a").getString("listener")).isEqualTo("LISTENING");
        assertThat(stats.getJsonObject("ent-a").getBoolean("nameGone")).isTrue();
        assertThat(stats.getJsonObject("cned").getBoolean("nameGone")).isFalse();
        JsonArray active = new JsonArray(b.get(admin + "/faults").body());
        assertThat(active.getJsonObject(0).getString("variant")).isEqualTo("dns");
        assertThat(active.getJsonObject(0).getString("cause")).isEqualTo("network");

        assertThat(fx.http(b, "DELETE", admin + "/faults/" + id)).isEqualTo(204);
        assertThat(FaultSignaturesTest.poll(() -> resolvesTo(ENT_A, "127.0.0.1"))).as(ENT_A + " back").isTrue();
        assertThat(lookup(ENT_B)).isEqualTo("127.0.0.1");
        assertThat(fx.fleet.faults().namesGone()).isEmpty();

        assertThat(FaultSignaturesTest.poll(() -> lines().size() == 2)).isTrue();
        assertThat(lines()).allSatisfy(l -> assertThat(l).contains("\"fault\":\"hosting_outage\"")
                .contains("\"cause\":\"network\"").contains("\"variant\":\"dns\""));
        assertThat(fx.fleet.faults().history()).extracting(GroundTruthRecord::target)
                .containsExactlyInAnyOrder("ent-a", "ent-b");
    }

    @Test
    void aNameStaysGoneWhileAnotherDnsOutageStillHoldsOnIt() throws Exception {
        String group = fx.await(fx.fleet.faults().inject(FaultRequest.onGroup(FaultType.HOSTING_OUTAGE, "ovh", 1, null)
                .withVariant("dns")));
        String single = fx.await(fx.fleet.faults().inject(FaultRequest.on(FaultType.HOSTING_OUTAGE, null, "ent-a")
                .withVariant("dns")));
        fx.await(fx.fleet.faults().clear(group));
        assertThat(fx.fleet.faults().namesGone()).containsExactly(ENT_A);
        assertThat(lookup(ENT_A)).isEqualTo("NXDOMAIN");
        assertThat(FaultSignaturesTest.poll(() -> resolvesTo(ENT_B, "127.0.0.1"))).isTrue();
        fx.await(fx.fleet.faults().clear(single));
        assertThat(FaultSignaturesTest.poll(() -> resolvesTo(ENT_A, "127.0.0.1"))).isTrue();
    }

    @Test
    void aDnsOutageOnAServiceAddressedByItsIpIsRefused() throws Exception {
        String admin = "http://127.0.0.1:" + fx.fleet.adminPort();
        HttpResponse<String> refused = new Browser(false).post(admin + "/faults", "application/json",
                "{\"type\":\"hosting_outage\",\"targets\":[\"literal\"],\"variant\":\"dns\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("name under .test");
        assertThat(fx.fleet.faults().active()).isEmpty();
        assertThatThrownBy(() -> FaultRequest.on(FaultType.STORAGE, null, "cned").withVariant("dns"))
                .hasMessageContaining("variant 'dns'");
    }

    @Test
    void theDnsOutageScenarioClearsItselfAndHeals() throws Exception {
        Scenario scenario = Scenario.parse("""
                name: tiny-dns
                duration: 2.5
                events:
                  - {at: 0.2, duration: 1.5, type: hosting_outage, hostingGroup: ovh, variant: dns}
                """);
        var done = new ScenarioPlayer(fx.vertx, fx.fleet, InstantSource.system()).play(scenario, Instant.now());
        assertThat(FaultSignaturesTest.poll(() -> resolvesTo(ENT_B, "NXDOMAIN"))).as("the zone disappears").isTrue();
        fx.await(done);
        assertThat(FaultSignaturesTest.poll(() -> resolvesTo(ENT_B, "127.0.0.1"))).as("and comes back").isTrue();
        assertThat(FaultSignaturesTest.poll(() -> fx.fleet.faults().history().size() == 2)).isTrue();
        assertThat(fx.fleet.faults().history()).allSatisfy(r -> {
            assertThat(r.variant()).isEqualTo("dns");
            assertThat(r.cause()).isEqualTo("network");
        });
    }

    @Test
    void thePlayerRefusesADnsOutageOnAFleetAddressedByIpLiterals() throws Exception {
        try (FleetFixture literal = new FleetFixture(List.of(
                FleetFixture.spec("ent-1", Flavour.OPEN_ENT_NG, "recia", Capacity.standard())), SimOptions.quiet())) {
            assertThat(literal.fleet.dnsAddress()).as("no names, no DNS server").isEmpty();
            assertThatThrownBy(() -> literal.await(new ScenarioPlayer(literal.vertx, literal.fleet,
                    InstantSource.system()).play(Scenario.builtIn("dns-outage"), Instant.now())))
                    .hasMessageContaining("name under .test");
        }
    }

    private List<String> lines() {
        try {
            return Files.exists(truth) ? Files.readAllLines(truth) : List.of();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
