package fr.vigie.statuspage;

import fr.vigie.statuspage.output.SiteFiles;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class BadgeTest {
    @Test
    void eachServiceHasABadgeSayingItsStatusInWords() {
        SiteFiles files = new SiteGenerator(Fixtures.sections(Fixtures.config())).render(Fixtures.crisis());
        Document idf = Jsoup.parse(new String(files.get("services/ent-idf/badge.svg"), StandardCharsets.UTF_8), "",
                Parser.xmlParser());
        assertThat(idf.selectFirst("svg").attr("role")).isEqualTo("img");
        assertThat(idf.selectFirst("title").text()).isEqualTo("Monlycée.net : Panne majeure");
        assertThat(idf.select("text").eachText()).containsExactly("Monlycée.net", "Panne majeure");
        assertThat(idf.select("rect").get(1).attr("fill")).isEqualTo("#b0241b");
        Document ok = Jsoup.parse(new String(files.get("services/educonnect/badge.svg"), StandardCharsets.UTF_8), "",
                Parser.xmlParser());
        assertThat(ok.select("text").eachText()).containsExactly("ÉduConnect", "Fonctionne normalement");
        assertThat(Integer.parseInt(ok.selectFirst("svg").attr("width"))).isGreaterThan(100);
    }
}
