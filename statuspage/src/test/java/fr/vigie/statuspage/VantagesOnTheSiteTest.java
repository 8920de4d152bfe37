package fr.vigie.statuspage;

import fr.vigie.aggregator.StatusSnapshot;
import fr.vigie.aggregator.vantage.VantageHealth;
import fr.vigie.aggregator.vantage.VantageReport;
import fr.vigie.statuspage.output.SiteFiles;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A cluster controller's vantage report on the about page, the home page and the JSON (issue 14). */
class VantagesOnTheSiteTest {
    private static final VantageReport.Delays NO_DELAYS = new VantageReport.Delays(0, 0, 0, 0, 0, 0);

    private static SiteFiles render(VantageReport report) {
        StatusSnapshot s = Fixtures.calm();
        return new SiteGenerator(Fixtures.sections(Fixtures.config())).render(report == null ? s : s.withVantageReport(report));
    }

    private static String text(SiteFiles files, String path) {
        byte[] bytes = files.get(path);
        assertThat(bytes).as(path).isNotNull();
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The JSON without its indentation. */
    private static String compact(String json) {
        return json.replaceAll("\\s+", "");
    }

    private static VantageReport report(boolean partial) {
        return new VantageReport(Fixtures.AT, 3, 2, List.of(
                new VantageHealth("paris-1", true, "", Fixtures.AT.minusSeconds(2), Duration.ofMillis(12)),
                new VantageHealth("lyon-1", !partial, partial ? "ses cibles témoins échouent" : "",
                        Fixtures.AT.minusSeconds(3), Duration.ofMillis(-40)),
                new VantageHealth("<b>rennes</b>", false, Fixtures.HOSTILE, null, null)),
                partial, List.of(), NO_DELAYS);
    }

    @Test
    void theAboutPageShowsEachVantageWhetherItCountsAndWhyNot() {
        SiteFiles site = render(report(false));
        Document about = Jsoup.parse(text(site, "a-propos/index.html"));

        assertThat(about.select("#h-vantages").text()).isEqualTo("Points de mesure");
        assertThat(about.select("ul.vantages li")).hasSize(3);
        assertThat(about.select("li[data-vantage=paris-1]").text())
                .contains("paris-1", "retenu", "dernier signal", "écart d'horloge 12 ms");
        assertThat(about.select("li[data-healthy=false]").text()).contains("exclu", "aucun signal reçu");
        assertThat(about.text()).contains("2 point(s) de mesure sur 3 retenu(s)", "confirmée par 2");
        assertThat(about.select("#h-vantages ~ div.notice")).isEmpty();
        // a vantage's name and reason are data: escaped, never markup
        assertThat(text(site, "a-propos/index.html")).doesNotContain("<script>", "<b>rennes</b>");
        assertThat(Jsoup.parse(text(site, "en/a-propos/index.html")).text()).contains("2 of 3 vantage point(s) counted");
    }

    @Test
    void tooFewHealthyVantagesSayConfiancePartielleOnTheHomePageAboutPageAndJson() {
        SiteFiles site = render(report(true));

        assertThat(Jsoup.parse(text(site, "index.html")).select("div.notice").text())
                .contains("Confiance partielle", "aucune nouvelle panne n'est annoncée");
        assertThat(Jsoup.parse(text(site, "a-propos/index.html")).select("div.notice").text())
                .contains("Confiance partielle");
        assertThat(compact(text(site, "api/v2/status.json"))).contains("\"partial_confidence\":true")
                .contains("\"healthy\":1").contains("\"quorum\":2");
    }

    @Test
    void aSingleProcessShowsNoVantageSectionAndNoPartialConfidence() {
        SiteFiles site = render(null);

        assertThat(Jsoup.parse(text(site, "a-propos/index.html")).select("#h-vantages")).isEmpty();
        assertThat(text(site, "index.html")).doesNotContain("Confiance partielle");
        assertThat(compact(text(site, "api/v2/status.json"))).contains("\"partial_confidence\":false")
                .doesNotContain("vantage_vote");
    }
}
