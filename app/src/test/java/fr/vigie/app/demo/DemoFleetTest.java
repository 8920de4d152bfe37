package fr.vigie.app.demo;

import fr.vigie.config.ConfigLoader;
import fr.vigie.config.Target;
import fr.vigie.config.TargetKind;
import fr.vigie.config.VigieConfig;
import fr.vigie.simulator.ServiceSpec;
import fr.vigie.simulator.scenario.Scenario;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DemoFleetTest {
    final VigieConfig demo = load();

    static VigieConfig load() {
        try {
            return new ConfigLoader(DemoAccount.generate().environment(Map.of()))
                    .load(Path.of("../config/demo.yaml"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void onlyADnsScenarioNeedsNamedServices() {
        assertThat(DemoFleet.needsNames(Scenario.resolve("dns-outage"))).isTrue();
        assertThat(DemoFleet.needsNames(Scenario.resolve("2021-04-06"))).isFalse();
        assertThat(DemoFleet.needsNames(Scenario.resolve("hosting-outage"))).isFalse();
    }

    @Test
    void namedServicesKeepTheirPortsAndGroupsAndControlKeepsItsAddress() {
        VigieConfig named = DemoFleet.namedByDns(demo);
        assertThat(named.targets()).hasSameSizeAs(demo.targets());
        for (int i = 0; i < demo.targets().size(); i++) {
            Target before = demo.targets().get(i);
            Target after = named.targets().get(i);
            if (before.kind() == TargetKind.CONTROL) {
                assertThat(after.baseUrl()).isEqualTo(before.baseUrl());
            } else {
                assertThat(after.baseUrl()).isEqualTo("http://" + before.id() + "." + before.hostingGroup()
                        + ".vigie.test:" + java.net.URI.create(before.baseUrl()).getPort());
                assertThat(ServiceSpec.isTestName(java.net.URI.create(after.baseUrl()).getHost())).isTrue();
            }
            after.vars().values().forEach(v -> assertThat(v).as("no var still names the old address")
                    .doesNotContain("127.0.0.1%3A").doesNotContain("127.0.0.1:"));
            assertThat(after.withBaseUrl(before.baseUrl(), before.vars())).isEqualTo(before);
        }
        assertThat(DemoFleet.specsFor(named, DemoAccount.generate())).hasSameSizeAs(demo.targets());
        assertThat(named.target("agora06").orElseThrow().vars().get("service"))
                .isEqualTo("http%3A%2F%2Fagora06.kosmos-cloud.vigie.test%3A18117%2Fportal%2F");
    }
}
