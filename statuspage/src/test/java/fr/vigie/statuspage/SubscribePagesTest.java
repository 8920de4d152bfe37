package fr.vigie.statuspage;

import fr.vigie.config.Secret;
import fr.vigie.config.SubscriptionsConfig;
import fr.vigie.config.VigieConfig;
import fr.vigie.statuspage.output.SiteFiles;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The subscription form and the personal-data page: there only when configured, labelled, posting where it must. */
class SubscribePagesTest {
    private static VigieConfig withSubscriptions() {
        return Fixtures.config().withSubscriptions(new SubscriptionsConfig("127.0.0.1:0",
                "https://etat.vigie.test/abonnement", "127.0.0.1:25", "vigie@vigie.test", null, null,
                Secret.of("t", "0123456789abcdef0123456789abcdef"), Duration.ofHours(48), 20, 50, 10, 3));
    }

    private static Document page(SiteFiles files, String path) {
        return Jsoup.parse(new String(files.get(path), StandardCharsets.UTF_8));
    }

    @Test
    void withoutTheSectionThereIsNoFormAndNoLink() {
        SiteFiles files = new SiteGenerator(Fixtures.sections(Fixtures.config())).render(Fixtures.crisis());
        assertThat(files.get("s-abonner/index.html")).isNull();
        assertThat(files.get("donnees-personnelles/index.html")).isNull();
        assertThat(page(files, "index.html").select("a[href$=s-abonner/]")).isEmpty();
    }

    @Test
    void theFormPostsToTheEndpointWithEveryFieldLabelledAndGrouped() {
        SiteFiles files = new SiteGenerator(Fixtures.sections(withSubscriptions())).render(Fixtures.crisis());
        Document form = page(files, "s-abonner/index.html");
        Element f = form.selectFirst("form");
        assertThat(f.attr("method")).isEqualTo("post");
        assertThat(f.attr("action")).isEqualTo("https://etat.vigie.test/abonnement/");
        assertThat(form.select("meta[name=referrer]").attr("content")).isEqualTo("same-origin");
        Element email = form.selectFirst("input[name=adresse]");
        assertThat(email.attr("type")).isEqualTo("email");
        assertThat(email.hasAttr("required")).isTrue();
        assertThat(email.attr("autocomplete")).isEqualTo("email");
        // every input has its label (screen readers, RGAA 11.1)
        for (Element input : form.select("form input")) {
            assertThat(form.select("label[for=" + input.id() + "]")).as(input.id()).hasSize(1);
        }
        assertThat(form.select("input[name=choix]")).extracting(e -> e.attr("value")).contains("tout",
                "region:Île-de-France", "academie:Créteil", "service:ent77", "service:cned-college")
                .doesNotContain("service:control-1");
        assertThat(form.select("fieldset > legend")).extracting(Element::text).contains("Ce que vous voulez suivre",
                "Par région", "Par académie", "Par service");
        assertThat(form.select("button[type=submit]").text()).isEqualTo("M'abonner");
        // every page links to it and to the personal-data page
        assertThat(page(files, "index.html").select("footer a[href=./s-abonner/]")).hasSize(1);
        assertThat(page(files, "services/ent77/index.html").select("footer a[href$=donnees-personnelles/]")).hasSize(1);
        assertThat(files.get("en/s-abonner/index.html")).isNotNull();
    }

    @Test
    void thePersonalDataPageSaysWhatIsKeptWhyAndHowLong() {
        SiteFiles files = new SiteGenerator(Fixtures.sections(withSubscriptions())).render(Fixtures.crisis());
        String text = page(files, "donnees-personnelles/index.html").text();
        assertThat(text).contains("l'adresse électronique", "article 6.1.a", "effacée au bout de 2 jours",
                "Vous désabonner", "CNIL", "ni écrites dans les journaux");
        assertThat(page(files, "en/donnees-personnelles/index.html").text()).contains("deleted after 2 days");
    }
}
