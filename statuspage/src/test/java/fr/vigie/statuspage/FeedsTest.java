package fr.vigie.statuspage;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import fr.vigie.aggregator.StatusSnapshot;
import fr.vigie.statuspage.output.SiteFiles;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FeedsTest {
    private static final String OPEN = "2021-04-06-ovh-gra-saturation-1";
    private static final String PAST = "2021-03-15-mbn-storage-1";
    private static final SiteFiles FILES = new SiteGenerator(Fixtures.sections(Fixtures.config())).render(Fixtures.crisis());

    private SyndFeed parse(String path) throws Exception {
        return new SyndFeedInput().build(new InputSource(new ByteArrayInputStream(FILES.get(path))));
    }

    @Test
    void atomHistoryHasOneEntryPerPublicIncidentWithStableIdsDatesAndLinks() throws Exception {
        SyndFeed feed = parse("history.atom");
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        List<SyndEntry> entries = feed.getEntries();
        assertThat(entries).extracting(SyndEntry::getUri).containsExactly(
                "tag:etat.vigie.test,2021:Incident/" + OPEN, "tag:etat.vigie.test,2021:Incident/" + PAST);
        SyndEntry open = entries.get(0);
        assertThat(open.getPublishedDate().toInstant()).isEqualTo(Instant.parse("2021-04-06T06:02:00Z"));
        assertThat(open.getUpdatedDate().toInstant()).isEqualTo(Instant.parse("2021-04-06T06:20:00Z"));
        assertThat(open.getLink()).isEqualTo("https://etat.vigie.test/incidents/" + OPEN + "/");
        String html = open.getContents().get(0).getValue();
        assertThat(html).contains("Cause probable : saturation (affluence)", "médian 4,2 s",
                "&lt;script&gt;").doesNotContain("<script");
        assertThat(html.indexOf("08:20")).isLessThan(html.indexOf("08:10"));
        assertThat(html.indexOf("08:10")).isLessThan(html.indexOf("08:02"));
        String raw = new String(FILES.get("history.atom"), StandardCharsets.UTF_8);
        assertThat(raw).contains("xml:lang=\"fr\"");
        assertThat(raw).doesNotContain("vantage");
    }

    @Test
    void rssHistoryUsesTheSameGuidsAndLanguage() throws Exception {
        SyndFeed feed = parse("history.rss");
        assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
        assertThat(feed.getLanguage()).isEqualTo("fr");
        assertThat(feed.getEntries()).extracting(SyndEntry::getUri).containsExactly(
                "tag:etat.vigie.test,2021:Incident/" + OPEN, "tag:etat.vigie.test,2021:Incident/" + PAST);
        assertThat(feed.getEntries().get(1).getDescription().getValue()).contains("Résolu",
                "espace disque insuffisant");
    }

    @Test
    void englishFeedsLinkToEnglishPagesWithTheSameIds() throws Exception {
        SyndFeed feed = parse("en/history.atom");
        assertThat(feed.getEntries().get(0).getUri()).isEqualTo("tag:etat.vigie.test,2021:Incident/" + OPEN);
        assertThat(feed.getEntries().get(0).getLink()).isEqualTo("https://etat.vigie.test/en/incidents/" + OPEN + "/");
        assertThat(feed.getEntries().get(0).getContents().get(0).getValue()).contains("Probable cause");
    }

    @Test
    void rssItemsCarryTheirLatestUpdateAndResolvedTitlesSaySo() throws Exception {
        SyndFeed rss = parse("history.rss");
        assertThat(rss.getEntries().get(0).getPublishedDate().toInstant())
                .isEqualTo(Instant.parse("2021-04-06T06:20:00Z"));
        assertThat(rss.getEntries().get(1).getPublishedDate().toInstant())
                .isEqualTo(Instant.parse("2021-03-15T09:30:00Z"));
        assertThat(rss.getEntries().get(0).getTitle()).doesNotContain("résolu");
        assertThat(rss.getEntries().get(1).getTitle()).endsWith("(résolu)");
        assertThat(parse("history.atom").getEntries().get(1).getTitle()).endsWith("(résolu)");
        assertThat(parse("en/history.rss").getEntries().get(1).getTitle()).endsWith("(resolved)");
    }

    @Test
    void noFeedStuttersAndTheEnglishFeedsAreInEnglish() throws Exception {
        FILES.all().forEach((path, bytes) -> {
            if (path.endsWith(".atom") || path.endsWith(".rss")) {
                assertThat(new String(bytes, StandardCharsets.UTF_8).toLowerCase()).as(path)
                        .doesNotContain("résolu - résolu").doesNotContain("résolu : tous les services");
            }
        });
        String english = parse("en/history.atom").getEntries().get(1).getContents().get(0).getValue();
        assertThat(english).contains("Resolved", "Incident resolved", "Incident opened")
                .doesNotContain("Incident résolu").doesNotContain("Incident ouvert");
    }

    @Test
    void theChannelDateChangesOnlyWhenItsContentDoes() {
        StatusSnapshot crisis = Fixtures.crisis();
        StatusSnapshot minuteLater = new StatusSnapshot(crisis.at().plusSeconds(60), crisis.lastRound().plusSeconds(60),
                crisis.vantages(), crisis.vantageImpaired(), crisis.current(), crisis.incidents(), crisis.history(),
                crisis.latency24h(), crisis.latency7d());
        SiteFiles later = new SiteGenerator(Fixtures.sections(Fixtures.config())).render(minuteLater);
        List<String> feeds = FILES.all().keySet().stream().filter(p -> p.endsWith(".atom") || p.endsWith(".rss"))
                .toList();
        assertThat(feeds).contains("history.rss", "en/history.atom", "services/educonnect/history.atom");
        for (String feed : feeds) {
            assertThat(later.get(feed)).as(feed).isEqualTo(FILES.get(feed));
        }
    }

    @Test
    void servicePagesAdvertiseBothFeedsAndRegionsAndEnglishServicesHaveTheirOwn() throws Exception {
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(new String(FILES.get("services/ent77/index.html"),
                StandardCharsets.UTF_8));
        assertThat(page.select("link[rel=alternate][href$=services/ent77/history.atom]")).hasSize(1);
        assertThat(page.select("link[rel=alternate][type=application/rss+xml][href$=services/ent77/history.rss]"))
                .hasSize(1);
        assertThat(parse("regions/ile-de-france/history.atom").getEntries()).extracting(SyndEntry::getUri)
                .containsExactly("tag:etat.vigie.test,2021:Incident/" + OPEN);
        assertThat(parse("regions/grand-est/history.rss").getEntries()).extracting(SyndEntry::getUri)
                .containsExactly("tag:etat.vigie.test,2021:Incident/" + PAST);
        SyndFeed english = parse("en/services/ent77/history.rss");
        assertThat(english.getLanguage()).isEqualTo("en");
        assertThat(english.getEntries().get(0).getLink()).isEqualTo("https://etat.vigie.test/en/incidents/" + OPEN + "/");
        org.jsoup.nodes.Document home = org.jsoup.Jsoup.parse(new String(FILES.get("index.html"), StandardCharsets.UTF_8));
        assertThat(home.select("a[href=./regions/ile-de-france/history.rss]")).hasSize(1);
        assertThat(FILES.get("en/services/ent77/index.html")).isNotNull();
        assertThat(org.jsoup.Jsoup.parse(new String(FILES.get("en/services/ent77/index.html"), StandardCharsets.UTF_8))
                .select("link[type=application/rss+xml]").eachAttr("href")).contains("../../../en/services/ent77/history.rss");
    }

    @Test
    void eachServiceHasItsOwnFeedsWithOnlyItsIncidents() throws Exception {
        assertThat(parse("services/mbn/history.atom").getEntries()).extracting(SyndEntry::getUri)
                .containsExactly("tag:etat.vigie.test,2021:Incident/" + PAST);
        assertThat(parse("services/ent77/history.rss").getEntries()).extracting(SyndEntry::getUri)
                .containsExactly("tag:etat.vigie.test,2021:Incident/" + OPEN);
        assertThat(parse("services/educonnect/history.atom").getEntries()).isEmpty();
        assertThat(FILES.get("services/control-1/history.atom")).isNull();
    }
}
