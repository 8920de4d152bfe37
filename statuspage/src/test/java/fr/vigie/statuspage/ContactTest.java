package fr.vigie.statuspage;

import fr.vigie.config.Site;
import fr.vigie.config.VigieConfig;
import fr.vigie.statuspage.output.SiteFiles;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The accessibility statement and the about page give the contact address of the configuration. */
class ContactTest {
    private static SiteFiles render(String contactUrl, String email) {
        VigieConfig base = Fixtures.config();
        Site site = new Site("Vigie", "https://etat.vigie.test", Path.of("site"), List.of("fr", "en"),
                Fixtures.PARIS, "127.0.0.1:0", contactUrl, email);
        VigieConfig config = new VigieConfig(site, base.storage(), base.vantage(), base.probing(), base.schedules(),
                base.calendars(), base.maintenance(), base.journeys(), base.targets(), base.classifier(),
                base.alerts());
        return new SiteGenerator(Fixtures.sections(config)).render(Fixtures.calm());
    }

    private static Document page(SiteFiles files, String path) {
        return Jsoup.parse(new String(files.get(path), StandardCharsets.UTF_8));
    }

    @Test
    void theContactEmailIsAMailtoLinkOnTheStatementAndTheAboutPageInBothLanguages() {
        SiteFiles files = render("https://etat.vigie.test/a-propos/", "equipe@vigie.test");
        for (String prefix : List.of("", "en/")) {
            assertThat(page(files, prefix + "accessibilite/index.html").select("main a[href=mailto:equipe@vigie.test]"))
                    .as(prefix + "accessibilite").hasSize(1);
            assertThat(page(files, prefix + "a-propos/index.html").select("#h-contact ~ p a[href=mailto:equipe@vigie.test]"))
                    .as(prefix + "a-propos").hasSize(1);
        }
        assertThat(page(files, "a-propos/index.html").text()).contains("Écrivez-nous : equipe@vigie.test")
                .doesNotContain("écrivez à l'éditeur de ce site");
    }

    @Test
    void anExternalContactUrlAndAnEmailAreBothGiven() {
        SiteFiles files = render("https://vigie.test/contact/", "equipe@vigie.test");
        Document statement = page(files, "accessibilite/index.html");
        assertThat(statement.select("main a").eachAttr("href")).contains("mailto:equipe@vigie.test",
                "https://vigie.test/contact/");
    }
}
