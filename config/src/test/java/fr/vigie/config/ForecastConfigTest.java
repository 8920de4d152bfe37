package fr.vigie.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The optional {@code forecast} section: defaults when absent, every key read, each mistake named with its line. */
class ForecastConfigTest {
    private static final String TARGETS = """
            targets:
              - {id: ent-idf, kind: ent, base-url: "http://127.0.0.1:1", journey: public-page}
            """;

    private static VigieConfig load(String forecast) throws ConfigException {
        return new ConfigLoader(Map.of()).loadText(forecast + TARGETS, Path.of("."));
    }

    private static String error(String forecast) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> load(forecast));
        assertThat(e).as("rejected:\n" + forecast).isNotNull();
        assertThat(e.errors()).hasSize(1);
        return e.errors().get(0).toString();
    }

    @Test
    void withoutTheSectionTheFittedDefaultsApply() throws Exception {
        assertThat(load("").forecast()).isEqualTo(ForecastConfig.DEFAULT)
                .isEqualTo(new ForecastConfig(true, 10, 4, 12, 0.8, 0.7, 0.5, 0.25));
    }

    @Test
    void everyKeyIsRead() throws Exception {
        ForecastConfig f = load("""
                forecast:
                  enabled: false
                  history-mornings: 15
                  min-mornings: 6
                  alert-hour: 9
                  knee: 0.85
                  floor: 0.6
                  high-risk: 0.6
                  moderate-risk: 0.2
                """).forecast();
        assertThat(f).isEqualTo(new ForecastConfig(false, 15, 6, 9, 0.85, 0.6, 0.6, 0.2));
    }

    @Test
    void aHighRiskAloneKeepsModerateAtHalfOfIt() throws Exception {
        assertThat(load("forecast: {high-risk: 0.4}\n").forecast().moderateRisk()).isEqualTo(0.2);
    }

    @Test
    void mistakesAreNamedWithTheirPathAndLine() {
        assertThat(error("forecast:\n  alert-hour: 24\n"))
                .isEqualTo("forecast.alert-hour: expected a whole number between 0 and 23, found 24 (line 2)");
        assertThat(error("forecast:\n  knee: 1.2\n"))
                .isEqualTo("forecast.knee: expected a number greater than 0 and below 1.0, found 1.2 (line 2)");
        assertThat(error("forecast:\n  knee: 0.8\n  floor: 0.85\n"))
                .isEqualTo("forecast.floor: floor (0.85) must be below knee (0.8): a rush without slowdown cannot be"
                        + " past the knee (line 3)");
        assertThat(error("forecast:\n  history-mornings: 5\n  min-mornings: 8\n"))
                .isEqualTo("forecast.min-mornings: min-mornings (8) cannot exceed history-mornings (5) (line 3)");
        assertThat(error("forecast:\n  high-risk: 0.3\n  moderate-risk: 0.4\n"))
                .isEqualTo("forecast.moderate-risk: moderate-risk (0.4) must be below high-risk (0.3) (line 3)");
        assertThat(error("forecast:\n  enabled: oui\n"))
                .startsWith("forecast.enabled: expected true or false").endsWith("(line 2)");
        assertThat(error("forecast:\n  horizon: 3\n")).startsWith("forecast.horizon: unknown key").endsWith("(line 2)");
    }
}
