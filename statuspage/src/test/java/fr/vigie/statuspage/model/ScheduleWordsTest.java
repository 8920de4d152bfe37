package fr.vigie.statuspage.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fr.vigie.config.ScheduleConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written schedule words, pinned. cron-utils 9.2.1 was tried for this and not kept: its French reads
 * "chaque 30 secondes chaque minute entre 30 et 59 à 7 heure chaque jour entre lundi et vendredi" for one of
 * the three expressions of school-rush, and cannot join them into one sentence.
 */
class ScheduleWordsTest {
    private static final ScheduleWords FR = new ScheduleWords(Texts.of("fr"));
    private static final ScheduleWords EN = new ScheduleWords(Texts.of("en"));

    private static String fr(String cron) {
        return FR.describe(new ScheduleConfig("s", cron, null, null, false), null, null);
    }

    private static String en(String cron) {
        return EN.describe(new ScheduleConfig("s", cron, null, null, false), null, null);
    }

    /** Every schedule of every shipped configuration, by file and name: what its about page says. */
    @Test
    void everyShippedScheduleIsReadInWords() throws IOException {
        Map<String, String> expected = Map.of(
                "demo.yaml demo", "toutes les 5 s",
                "france.yaml school-rush",
                "toutes les 30 s de 7h30 à 10h du lundi au vendredi, toutes les 2 min le reste du temps",
                "france.yaml steady", "toutes les 2 min",
                "france.yaml control", "toutes les 2 min");
        Map<String, String> said = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(configDir())) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        for (Path file : files) {
            JsonNode schedules = yaml.readTree(file.toFile()).path("schedules");
            schedules.fields().forEachRemaining(e -> said.put(file.getFileName() + " " + e.getKey(),
                    FR.describe(schedule(e.getKey(), e.getValue()), null, null)));
        }
        // a new shipped schedule fails here until its words are pinned in this table
        assertThat(said).isEqualTo(expected);
    }

    private static ScheduleConfig schedule(String name, JsonNode node) {
        if (node.has("every")) {
            String every = node.get("every").asText();
            return new ScheduleConfig(name, null, Duration.parse("PT" + every.toUpperCase()), null, false);
        }
        List<String> crons = new ArrayList<>();
        node.path("cron").forEach(c -> crons.add(c.asText()));
        if (node.path("cron").isTextual()) {
            crons.add(node.get("cron").asText());
        }
        return new ScheduleConfig(name, String.join(ScheduleConfig.CRON_SEPARATOR, crons), null, null, false);
    }

    private static Path configDir() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("config")) && Files.exists(p.resolve("config/demo.yaml"))) {
                return p.resolve("config");
            }
        }
        throw new IllegalStateException("no config/ above " + here);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            * * * ? * *                  | chaque seconde
            */10 * * ? * *               | toutes les 10 s
            0/15 * * ? * *               | toutes les 15 s
            0 * * ? * *                  | chaque minute
            0 */5 * * * ?                | toutes les 5 min
            0 */2 * ? * * *              | toutes les 2 min
            0 0/30 * ? * *               | toutes les 30 min
            0 */2 * ? * mon-fri          | toutes les 2 min du lundi au vendredi
            0 * 7-9 ? * MON-FRI          | chaque minute de 7h à 10h du lundi au vendredi
            0 * 22-23 ? * *              | chaque minute de 22h à minuit
            0 0/15 6-8 ? * 2-6           | toutes les 15 min de 6h à 9h du lundi au vendredi
            */30 30-59 7 ? * MON-FRI     | toutes les 30 s de 7h30 à 8h du lundi au vendredi
            */30 * 8-9 ? * MON-FRI       | toutes les 30 s de 8h à 10h du lundi au vendredi
            """)
    void oneSteadyRhythmInOneWindow(String cron, String words) {
        assertThat(fr(cron.trim())).isEqualTo(words);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            0 30 7 ? * MON-FRI
            0 15 6 ? * SAT
            0 0/7 * ? * *
            0 30-59 7-9 ? * *
            */30 30-59 7-8 ? * *
            0 */2 * ? * * 2027
            0 0 12 1 * ?
            0 0 12 ? JAN *
            pas une expression
            """)
    void anythingElseIsShownAsTheExpressionNotGuessed(String cron) {
        assertThat(fr(cron.trim())).isEqualTo("selon le planning cron (Quartz) « " + cron.trim() + " »");
    }

    @Test
    void windowsJoinAndTheQuickestAllDayRhythmWins() {
        assertThat(fr("*/20 0-29 8 ? * * | */20 30-59 8 ? * *")).isEqualTo("toutes les 20 s de 8h à 9h");
        assertThat(fr("0 */2 * ? * * | 0 */5 * ? * *")).isEqualTo("toutes les 2 min");
        assertThat(fr("0 */2 * ? * * | 0 30 7 ? * MON-FRI"))
                .isEqualTo("selon le planning cron (Quartz) « 0 */2 * ? * * », « 0 30 7 ? * MON-FRI »");
        assertThat(en("*/30 30-59 7 ? * MON-FRI | */30 * 8-9 ? * MON-FRI | 0 */2 * ? * *"))
                .isEqualTo("every 30 s from 7:30 to 10:00 Monday to Friday, every 2 min the rest of the time");
    }

    @Test
    void intervalsInWords() {
        assertThat(FR.every(Duration.ofSeconds(1))).isEqualTo("chaque seconde");
        assertThat(FR.every(Duration.ofMinutes(1))).isEqualTo("chaque minute");
        assertThat(FR.every(Duration.ofHours(1))).isEqualTo("chaque heure");
        assertThat(FR.every(Duration.ofSeconds(5))).isEqualTo("toutes les 5 s");
        assertThat(FR.every(Duration.ofMinutes(90))).isEqualTo("toutes les 1 h 30 min");
        assertThat(FR.every(Duration.ofDays(2))).isEqualTo("toutes les 2 j");
        assertThat(EN.every(Duration.ofDays(2))).isEqualTo("every 2 d");
        assertThat(FR.amount(Duration.ZERO)).isEqualTo("0 s");
    }
}
