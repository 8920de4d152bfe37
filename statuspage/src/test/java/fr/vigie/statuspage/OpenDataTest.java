package fr.vigie.statuspage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.aggregator.DayStatus;
import fr.vigie.aggregator.StatusSnapshot;
import fr.vigie.config.TargetKind;
import fr.vigie.statuspage.output.SiteFiles;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Open data (issue 17): the figures behind the page, read back and matched to the snapshot they came from. */
class OpenDataTest {
    private static final StatusSnapshot CRISIS = Fixtures.crisis();
    private static final SiteFiles SITE = new SiteGenerator(Fixtures.sections(Fixtures.config())).render(CRISIS);

    private static String text(String path) {
        byte[] b = SITE.get(path);
        assertThat(b).as(path).isNotNull();
        return new String(b, StandardCharsets.UTF_8);
    }

    private static List<CSVRecord> csv(String path) throws Exception {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text(path))).getRecords();
    }

    @Test
    void dailyAvailabilityIsEveryServiceDayOfTheSnapshotWithEmptyCellsForDaysWithoutMeasurement() throws Exception {
        List<CSVRecord> rows = csv("donnees/disponibilite.csv");
        long services = Fixtures.config().targets().stream().filter(t -> t.kind() != TargetKind.CONTROL).count();
        int days = CRISIS.history().values().iterator().next().size();
        assertThat(rows).hasSize((int) services * days);

        String id = Fixtures.config().targets().get(0).id();
        List<DayStatus> history = CRISIS.history().get(id);
        List<CSVRecord> mine = rows.stream().filter(r -> r.get("service_id").equals(id)).toList();
        assertThat(mine).hasSize(history.size());
        for (int i = 0; i < history.size(); i++) {
            DayStatus d = history.get(i);
            CSVRecord r = mine.get(i);
            assertThat(r.get("date")).isEqualTo(d.date().toString());
            assertThat(r.get("availability_percent")).isEqualTo(Double.isNaN(d.uptime()) ? ""
                    : String.format(Locale.ROOT, "%.1f", Math.round(1000 * d.uptime()) / 10.0));
        }
        assertThat(rows).as("a day without measurement is empty, never 0 or 100")
                .anySatisfy(r -> assertThat(r.get("availability_percent")).isEmpty());
    }

    @Test
    void theJsonStatesItsLicenceAndColumnsAndTheAboutPageLinksTheFiles() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(text("donnees/disponibilite.json"));
        assertThat(doc.get("licence").asText()).contains("Licence Ouverte", "2.0");
        assertThat(doc.get("columns")).hasSize(6);
        assertThat(doc.get("rows").size()).isEqualTo(csv("donnees/disponibilite.csv").size());

        JsonNode latency = new ObjectMapper().readTree(text("donnees/temps-de-reponse.json"));
        assertThat(latency.get("rows").size()).isPositive().isEqualTo(csv("donnees/temps-de-reponse.csv").size());
        assertThat(latency.get("rows").get(0).get("median_ms").asDouble()).isPositive();

        assertThat(Jsoup.parse(text("a-propos/index.html")).select("ul.opendata a[href]"))
                .extracting(a -> a.attr("href"))
                .contains("../donnees/disponibilite.csv", "../donnees/temps-de-reponse.json");
    }

    @Test
    void noAddressOrAccountLeavesInTheOpenData() {
        String csv = text("donnees/disponibilite.csv") + text("donnees/temps-de-reponse.csv");
        String json = text("donnees/disponibilite.json") + text("donnees/temps-de-reponse.json");
        assertThat(csv).as("services by id and name only, never an address").doesNotContain("http", "password");
        Fixtures.config().targets().forEach(t -> assertThat(json).doesNotContain(t.baseUrl().toString()));
    }
}
