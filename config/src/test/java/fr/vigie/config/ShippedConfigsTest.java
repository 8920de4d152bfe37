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

    @Test
    void franceInventoryLoadsWithAnEmptyEnvironmentAndProbesPublicPagesOnly() throws ConfigException {
        VigieConfig france = cleanMachine.load(Path.of("france.yaml"));

        assertThat(france.targets()).hasSizeGreaterThanOrEqualTo(38);
        assertThat(france.targets()).allSatisfy(t -> {
            assertThat(t.baseUrl()).startsWith("https://");
            assertThat(t.credentials()).isEmpty();
        });
        assertThat(france.targets()).extracting(Target::kind).contains(TargetKind.ENT, TargetKind.CNED, TargetKind.SSO);
        assertThat(france.targets()).extracting(Target::region).contains("Île-de-France", "Hauts-de-France",
                "Normandie", "Grand Est", "Bourgogne-Franche-Comté", "Occitanie", "Auvergne-Rhône-Alpes",
                "Provence-Alpes-Côte d'Azur", "Nouvelle-Aquitaine", "Centre-Val de Loire", "Bretagne",
                "Pays de la Loire");
        assertThat(france.target("ent-idf").orElseThrow().journey()).isEqualTo("open-ent-ng");
        assertThat(france.target("ent-grand-est").orElseThrow().vars()).containsKey("service");
        assertThat(france.schedules().get("school-rush").cronExpressions()).hasSize(3);
        assertThat(france.schedules().keySet()).as("file order kept").containsExactly("school-rush", "steady", "control", "default");
        assertThat(france.storage().type()).isEqualTo(StorageConfig.Type.INFLUXDB);
        assertThat(france.storage().url()).isEqualTo("http://127.0.0.1:8086");
        assertThat(france.storage().password()).isNull();
        // every receiver's secret is unset on a clean machine: all inactive, routes emptied
        assertThat(france.alerts().receivers()).isEmpty();
        assertThat(france.alerts().routes()).allSatisfy(r -> assertThat(r.receivers()).isEmpty());
    }

    @Test
    void franceInventoryHasControlTargetsAndNamedSourcedHostingGroups() throws ConfigException {
        VigieConfig france = cleanMachine.load(Path.of("france.yaml"));

        // two controls of two operators, probed gently (docs/inventory.md): one GET every 2 min
        assertThat(france.targets()).filteredOn(t -> t.kind() == TargetKind.CONTROL)
                .extracting(Target::baseUrl)
                .containsExactlyInAnyOrder("https://www.service-public.fr", "https://www.education.gouv.fr");
        assertThat(france.targets()).filteredOn(t -> t.kind() == TargetKind.CONTROL).allSatisfy(t -> {
            assertThat(t.journey()).isEqualTo("public-page");
            assertThat(t.schedule()).isEqualTo("control");
            assertThat(t.hostingGroup()).isNull();
        });
        assertThat(france.schedules().get("control").every()).hasMinutes(2);
        // the controls are read only while their last round is within the classifier's window
        assertThat(france.schedules().get("control").every()).isLessThan(france.classifier().window());
        // every group a target names has a readable name, and every Kosmos platform shares the vendor's host
        assertThat(france.targets()).extracting(Target::hostingGroup).filteredOn(g -> g != null)
                .allSatisfy(g -> assertThat(france.hostingGroups()).containsKey(g));
        assertThat(france.hostingGroups().keySet())
                .containsExactly("ovh", "kosmos-nfrance", "recia", "cned", "ministere");
        assertThat(france.targets()).filteredOn(t -> "Kosmos".equals(t.vendor())).hasSize(14)
                .allSatisfy(t -> assertThat(t.hostingGroup()).isEqualTo("kosmos-nfrance"));
        assertThat(france.hostingName("kosmos-nfrance")).isEqualTo("Kosmos (centre de données NFrance, Toulouse)");
        assertThat(france.targets()).filteredOn(t -> "ovh".equals(t.hostingGroup())).extracting(Target::id)
                .containsExactly("ent-idf", "ent94", "ent-hdf", "neoconnect");
    }

    @Test
    void franceTargetRunsItsLoggedInJourneyOnceBothCredentialsAreSet() throws ConfigException {
        VigieConfig france = new ConfigLoader(Map.of("ENT_ENT_IDF_USERNAME", "sonde.vigie",
                "ENT_ENT_IDF_PASSWORD", "s3cret-idf", "VIGIE_WEBHOOK_URL", "https://hooks.example.org/x",
                "VIGIE_WEBHOOK_SECRET", "whsec_dGVzdA=="))
                .load(Path.of("france.yaml"));

        assertThat(france.target("ent-idf").orElseThrow().credentials()).isPresent();
        assertThat(france.target("ent77").orElseThrow().credentials()).isEmpty();
        assertThat(france.alerts().receivers()).containsOnlyKeys("astreinte");
        assertThat(france.alerts().routes().get(1).receivers()).containsExactly("astreinte");
    }
}
