package fr.vigie.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Both shipped configs must load on a clean machine: an empty environment, no secret set. */
class ShippedConfigsTest {
    private final ConfigLoader cleanMachine = new ConfigLoader(Map.of());

    @Test
    void demoFleetLoadsWithAnEmptyEnvironment() throws ConfigException {
        VigieConfig demo = cleanMachine.load(Path.of("demo.yaml"));

        assertThat(demo.targets()).hasSizeGreaterThanOrEqualTo(33);
        assertThat(demo.targets()).filteredOn(t -> t.kind() == TargetKind.ENT).hasSizeGreaterThanOrEqualTo(30);
        assertThat(demo.targets()).allSatisfy(t -> {
            assertThat(t.baseUrl()).startsWith("http://127.0.0.1:181");
            assertThat(t.credentials()).isEmpty();
            assertThat(t.schedule()).isEqualTo("demo");
        });
        assertThat(demo.targets()).filteredOn(t -> "ovh-sbg".equals(t.hostingGroup())).hasSize(10);
        assertThat(demo.targets()).filteredOn(t -> "kosmos-cloud".equals(t.hostingGroup())).hasSize(10);
        assertThat(demo.target("ent-grand-est").orElseThrow().baseUrl()).isEqualTo("http://127.0.0.1:18111");
        assertThat(demo.target("cned-college").orElseThrow().baseUrl()).isEqualTo("http://127.0.0.1:18140");
        assertThat(demo.target("educonnect").orElseThrow().journey()).isEqualTo("educonnect");
        assertThat(demo.target("controle").orElseThrow().kind()).isEqualTo(TargetKind.CONTROL);
        assertThat(demo.schedules().get("demo").every()).hasSeconds(5);
        assertThat(demo.storage().type()).isEqualTo(StorageConfig.Type.EMBEDDED);
        assertThat(demo.storage().path()).isEqualTo(Path.of("var/demo/vigie.db"));
        assertThat(demo.site().output()).isEqualTo(Path.of("var/demo/site"));
        assertThat(demo.alerts().receivers().get("demo-webhook").secret().reveal()).startsWith("whsec_");
    }

    @Test
    void demoCredentialsComeFromTheEnvironmentWhenSet() throws ConfigException {
        VigieConfig demo = new ConfigLoader(Map.of("VIGIE_DEMO_USERNAME", "eleve.demo",
                "VIGIE_DEMO_PASSWORD", "pw-demo-123")).load(Path.of("demo.yaml"));

        Credentials credentials = demo.target("ent-idf").orElseThrow().credentials().orElseThrow();
        assertThat(credentials.username().reveal()).isEqualTo("eleve.demo");
        assertThat(credentials.password().source()).isEqualTo("env:VIGIE_DEMO_PASSWORD");
        assertThat(demo.target("controle").orElseThrow().credentials()).isEmpty();
    }
}
