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
}
