package fr.vigie.statuspage;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import fr.vigie.statuspage.output.SiteFiles;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-region and per-service feeds are advertised in the pages' heads, and every advertised feed exists. */
class FeedLinksTest {
    private final SiteFiles files = new SiteGenerator(Fixtures.sections(Fixtures.config())).render(Fixtures.crisis());

    private Document page(String path) {
        return Jsoup.parse(new String(files.get(path), StandardCharsets.UTF_8), "https://etat.vigie.test/" + path);
    }

    /** The site path an alternate link of {@code page} points to. */
    private static String target(String page, Element link) {
        Path resolved = Path.of(page).resolveSibling(link.attr("href")).normalize();
        return resolved.toString();
    }

    private List<Element> feedLinks(Document document) {
        return document.select("head link[rel=alternate][type~=application/(atom|rss)\\+xml]");
    }

    @Test
    void theHomePageAdvertisesEveryRegionFeedAndTheyAllParse() throws Exception {
        Document home = page("index.html");
        List<String> hrefs = feedLinks(home).stream().map(l -> target("index.html", l)).toList();
        assertThat(hrefs).contains("regions/ile-de-france/history.atom", "regions/ile-de-france/history.rss",
                "regions/hauts-de-france/history.atom", "regions/grand-est/history.rss");
        for (Element link : feedLinks(home)) {
            byte[] feed = files.get(target("index.html", link));
            assertThat(feed).as(link.attr("href")).isNotNull();
            SyndFeed parsed = new SyndFeedInput().build(new InputSource(new ByteArrayInputStream(feed)));
            assertThat(parsed.getTitle()).isNotBlank();
        }
        assertThat(home.select("head link[href$=regions/grand-est/history.atom]").attr("title"))
                .isEqualTo("Vigie – Grand Est (Atom)");
    }

    @Test
    void anEntPageAdvertisesItsOwnAndItsRegionsFeedsANationalServiceOnlyItsOwn() {
        String ent = "services/ent77/index.html";
        List<String> entFeeds = feedLinks(page(ent)).stream().map(l -> target(ent, l)).toList();
        assertThat(entFeeds).contains("services/ent77/history.atom", "services/ent77/history.rss",
                "regions/ile-de-france/history.atom", "regions/ile-de-france/history.rss");
        entFeeds.forEach(f -> assertThat(files.get(f)).as(f).isNotNull());

        String cned = "services/cned-college/index.html";
        List<String> cnedFeeds = feedLinks(page(cned)).stream().map(l -> target(cned, l)).toList();
        assertThat(cnedFeeds).contains("services/cned-college/history.atom")
                .noneMatch(f -> f.startsWith("regions/"));
    }

    @Test
    void englishPagesAdvertiseTheEnglishRegionFeeds() {
        String home = "en/index.html";
        List<String> hrefs = feedLinks(page(home)).stream().map(l -> target(home, l)).toList();
        assertThat(hrefs).contains("en/regions/ile-de-france/history.atom");
        hrefs.forEach(f -> assertThat(files.get(f)).as(f).isNotNull());
    }
}
