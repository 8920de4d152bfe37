package fr.vigie.simulator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The app maps each target's journey template to the flavour that serves its endpoints. */
class FlavourForJourneyTest {
    @Test
    void everyTemplateOfTheContractHasAFlavour() {
        assertThat(Flavour.forJourney("open-ent-ng-write")).isEqualTo(Flavour.OPEN_ENT_NG);
        assertThat(Flavour.forJourney("open-ent-ng")).isEqualTo(Flavour.OPEN_ENT_NG);
        assertThat(Flavour.forJourney("kosmos-write")).isEqualTo(Flavour.CAS);
        assertThat(Flavour.forJourney("cas")).isEqualTo(Flavour.CAS);
        assertThat(Flavour.forJourney("cned-write")).isEqualTo(Flavour.CNED);
        assertThat(Flavour.forJourney("educonnect")).isEqualTo(Flavour.EDUCONNECT);
        assertThat(Flavour.forJourney("control")).isEqualTo(Flavour.CONTROL);
        assertThatThrownBy(() -> Flavour.forJourney("pronote")).hasMessageContaining("pronote");
    }

    @Test
    void aSpecIsBuiltFromATargetsBaseUrlAndRefusesNonLoopbackHosts() {
        ServiceSpec spec = ServiceSpec.forTarget("ent-grand-est", "kosmos-write", "http://127.0.0.1:18111",
                "kosmos-cloud", "u", "p");
        assertThat(spec.flavour()).isEqualTo(Flavour.CAS);
        assertThat(spec.port()).isEqualTo(18111);
        assertThat(spec.baseUrl()).isEqualTo("http://127.0.0.1:18111");
        assertThat(spec.toString()).doesNotContain("p]").doesNotContain("password");
        assertThatThrownBy(() -> ServiceSpec.forTarget("x", "control", "http://192.0.2.1:80", "g", "", ""))
                .hasMessageContaining("loopback");
        assertThatThrownBy(() -> ServiceSpec.forTarget("x", "control", "https://127.0.0.1", "g", "", ""))
                .hasMessageContaining("http://HOST:PORT");
    }
}
