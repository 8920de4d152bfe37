package fr.vigie.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The examples of docs/config.md, one per section, load together: the reference cannot drift from the loader. */
class DocsExamplesTest {
    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);
    private static final List<String> SECTIONS = List.of("site", "storage", "vantage", "probing", "calendars",
            "schedules", "maintenance", "journeys", "targets", "classifier", "alerts", "cluster",
            "subscriptions", "forecast");

    @Test
    void theFirstExampleOfEverySectionLoads() throws IOException, ConfigException {
        Map<String, String> firstBySection = new LinkedHashMap<>();
        Matcher m = YAML_BLOCK.matcher(Files.readString(Path.of("../docs/config.md")));
        while (m.find()) {
            String block = m.group(1);
            firstBySection.putIfAbsent(block.substring(0, block.indexOf(':')).trim(), block);
        }
        assertThat(firstBySection).containsKeys(SECTIONS.toArray(String[]::new));
        StringBuilder all = new StringBuilder();
        SECTIONS.forEach(section -> all.append(firstBySection.get(section)));

        VigieConfig config = new ConfigLoader(Map.of("VIGIE_WEBHOOK_SECRET", "whsec_ZG9jcw==",
                "VIGIE_SMTP_PASSWORD", "mot-de-passe"))
                .loadText(all.toString(), Path.of("."));

        assertThat(config.targets()).extracting(Target::id).containsExactly("ent-idf");
        assertThat(config.journeys()).containsKey("my-portal");
        assertThat(config.alerts().receivers()).containsOnlyKeys("astreinte", "courriel");
        assertThat(config.alerts().receivers().get("courriel").user()).isEqualTo("vigie");
    }
}
