package fr.vigie.aggregator.forecast;

import fr.vigie.config.ForecastConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code forecast} section's defaults are the fitted constants, and each key reaches the model. */
class ForecastSettingsTest {
    @Test
    void theSectionsDefaultsAreTheFittedConstants() {
        assertThat(ForecastSettings.of(ForecastConfig.DEFAULT)).isEqualTo(ForecastSettings.DEFAULT);
    }

    @Test
    void everyTunedValueReachesTheSettings() {
        ForecastSettings s = ForecastSettings.of(new ForecastConfig(true, 15, 6, 9, 0.85, 0.6, 0.6, 0.2));
        assertThat(s).isEqualTo(new ForecastSettings(0.85, ForecastSettings.DEFAULT.exponent(), 0.6, 0.6, 0.2, 15, 6));
    }
}
