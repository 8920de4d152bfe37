package fr.vigie.statuspage;

import fr.vigie.aggregator.forecast.HeadroomForecast;
import fr.vigie.aggregator.forecast.HeadroomModel;
import fr.vigie.aggregator.forecast.Risk;
import fr.vigie.statuspage.output.SiteFiles;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The forecast page (prevision/) says it is a forecast, with its uncertainty and evidence; the home page links it. */
class ForecastPageTest {
    static final LocalDate MONDAY = LocalDate.of(2021, 4, 12);

    static HeadroomForecast forecast(String target, Risk risk, double probability) {
        HeadroomModel.Prediction p = new HeadroomModel.Prediction(0.9, 0.7, 1.1, probability, 0.05, 10);
        return new HeadroomForecast(target, MONDAY, LocalTime.of(8, 0), risk, p, 1.3, List.of("retour de vacances"),
                "à 7:55 le vendredi 9 avril, la connexion prenait déjà 3,1 s contre 0,6 s en période calme");
    }

    private static Document page(SiteFiles files, String path) {
        return Jsoup.parse(new String(files.get(path), StandardCharsets.UTF_8));
    }

    @Test
    void highestRisksFirstWithEvidenceAndThePlainStatementThatItIsAForecast() {
        List<HeadroomForecast> forecasts = List.of(forecast("ent77", Risk.LOW, 0.05),
                forecast("ent-idf", Risk.HIGH, 0.72), forecast("control-1", Risk.HIGH, 0.9));
        SiteFiles files = new SiteGenerator(Fixtures.sections(Fixtures.config())).withForecasts(() -> forecasts).render(Fixtures.calm());
        Document doc = page(files, "prevision/index.html");
        assertThat(doc.select(".forecast-disclaimer").text()).contains("Ceci est une prévision, pas une mesure");
        assertThat(doc.select("li.forecast")).extracting(e -> e.attr("data-target"))
                .as("highest risk first; a control target is no service").containsExactly("ent-idf", "ent77");
        String first = doc.select("li.forecast").first().text();
        assertThat(first).contains("Monlycée.net", "Risque élevé de saturation lundi 8:00",
                "À 7:55 le vendredi 9 avril, la connexion prenait déjà 3,1 s contre 0,6 s en période calme",
                "Probabilité estimée d'atteindre la saturation : 72 %", "intervalle à 90 %", "retour de vacances");
        Document home = page(files, "index.html");
        assertThat(home.select(".forecast-note a").attr("href")).isEqualTo("./prevision/");
        assertThat(home.select(".forecast-note").text())
                .contains("Prévision pour lundi 12 avril 8:00 : 1 service(s) à risque élevé", "pas une mesure");
        assertThat(page(files, "en/prevision/index.html").select("h1").text()).isEqualTo("School-morning load forecast");
    }

    @Test
    void withoutHistoryTheHomePageSaysNothingAndTheForecastPageSaysWhy() {
        List<HeadroomForecast> unknown = List.of(new HeadroomForecast("ent77", MONDAY, LocalTime.of(8, 0),
                Risk.UNKNOWN, null, 1.0, List.of(), null));
        SiteFiles files = new SiteGenerator(Fixtures.sections(Fixtures.config())).withForecasts(() -> unknown).render(Fixtures.calm());
        assertThat(page(files, "index.html").select(".forecast-note")).isEmpty();
        assertThat(page(files, "prevision/index.html").select("li.forecast").text())
                .contains("historique insuffisant", "Prévision impossible");
        SiteFiles without = new SiteGenerator(Fixtures.sections(Fixtures.config())).render(Fixtures.calm());
        assertThat(without.get("prevision/index.html")).isNull();
    }
}
