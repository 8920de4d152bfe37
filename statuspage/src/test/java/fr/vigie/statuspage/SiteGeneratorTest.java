package fr.vigie.statuspage;

import fr.vigie.statuspage.output.AtomicSiteWriter;
import fr.vigie.statuspage.output.SiteFiles;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SiteGeneratorTest {
    private static final SiteFiles CRISIS = new SiteGenerator(Fixtures.sections(Fixtures.config())).render(Fixtures.crisis());
    private final SiteGenerator generator = new SiteGenerator(Fixtures.sections(Fixtures.config()));

    private static String text(SiteFiles files, String path) {
        byte[] bytes = files.get(path);
        assertThat(bytes).as(path).isNotNull();
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Document html(SiteFiles files, String path) {
        return Jsoup.parse(text(files, path));
    }

    @Test
    void sameSnapshotGivesByteIdenticalFiles() {
        SiteFiles first = CRISIS;
        SiteFiles second = new SiteGenerator(Fixtures.sections(Fixtures.config())).render(Fixtures.crisis());
        assertThat(second.all().keySet()).containsExactlyElementsOf(first.all().keySet());
        for (Map.Entry<String, byte[]> file : first.all().entrySet()) {
            assertThat(second.get(file.getKey())).as(file.getKey()).isEqualTo(file.getValue());
        }
        assertThat(AtomicSiteWriter.gzip(first.get("index.html")))
                .isEqualTo(AtomicSiteWriter.gzip(second.get("index.html")));
    }

    @Test
    void homeShowsEveryServiceWithStatusInWordsCauseAndEvidence() {
        Document home = html(CRISIS, "index.html");
        assertThat(home.selectFirst("html").attr("lang")).isEqualTo("fr");
        assertThat(home.title()).contains("État des services");
        Element idf = home.selectFirst("[data-service=ent-idf]");
        assertThat(idf.text()).contains("Monlycée.net", "Panne majeure",
                "Cause probable : saturation (affluence)", "14 fois l'habitude",
                "Académies : Paris, Créteil, Versailles", "Dernière vérification : aujourd'hui à 08:29");
        assertThat(idf.select("svg.ic use").attr("href")).isEqualTo("#i-major_outage");
        assertThat(home.selectFirst("[data-service=ent77]").text()).contains("Panne partielle");
        assertThat(home.selectFirst("[data-service=mbn]").text()).contains("En maintenance");
        assertThat(home.selectFirst("[data-service=cned-college]").text()).contains("Ralenti",
                "erreur de l'application");
        assertThat(home.selectFirst("[data-service=educonnect]").text()).contains("Fonctionne normalement");
        assertThat(home.select("[data-service=control-1]")).isEmpty();
    }

    @Test
    void availabilityMeasuredOverOneDaySaysSoAndNeverClaimsNinetyDays() {
        fr.vigie.aggregator.StatusSnapshot crisis = Fixtures.crisis();
        java.util.Map<String, java.util.List<fr.vigie.aggregator.DayStatus>> history = new java.util.HashMap<>();
        for (String id : crisis.history().keySet()) {
            java.util.List<fr.vigie.aggregator.DayStatus> days = new java.util.ArrayList<>();
            for (int i = 0; i < 89; i++) {
                days.add(new fr.vigie.aggregator.DayStatus(java.time.LocalDate.of(2021, 1, 7).plusDays(i), Double.NaN,
                        null));
            }
            days.add(new fr.vigie.aggregator.DayStatus(java.time.LocalDate.of(2021, 4, 6), 0.587,
                    fr.vigie.aggregator.Status.MAJOR_OUTAGE));
            history.put(id, days);
        }
        fr.vigie.aggregator.StatusSnapshot oneDay = new fr.vigie.aggregator.StatusSnapshot(crisis.at(),
                crisis.lastRound(), crisis.vantages(), false, crisis.current(), crisis.incidents(), history,
                crisis.latency24h(), crisis.latency7d());
        Document page = html(generator.render(oneDay), "services/ent77/index.html");
        assertThat(page.selectFirst("figure figcaption").text()).startsWith("Disponibilité sur 1 jour de mesure : 58,7");
        assertThat(page.text()).doesNotContain("sur 90 jours");
        Document english = html(generator.render(oneDay), "en/services/ent77/index.html");
        assertThat(english.selectFirst("figure figcaption").text()).startsWith("Availability over 1 day of measurement");
    }

    @Test
    void lastCheckIsTheLastProbeNotTheLastChangeAndTimesNameTheirZone() {
        fr.vigie.aggregator.StatusSnapshot crisis = Fixtures.crisis();
        // Verdicts date from 08:29 (the state has not changed); ÉduConnect's probe ran again at 08:30.
        fr.vigie.aggregator.StatusSnapshot probed = new fr.vigie.aggregator.StatusSnapshot(crisis.at(),
                crisis.lastRound(), crisis.vantages(), false, crisis.current(), crisis.incidents(), crisis.history(),
                crisis.latency24h(), crisis.latency7d(), java.util.Map.of("educonnect",
                java.time.Instant.parse("2021-04-06T06:30:00Z")));
        Document home = html(generator.render(probed), "index.html");
        assertThat(home.selectFirst("[data-service=educonnect]").text()).contains("Dernière vérification : aujourd'hui à 08:30");
        assertThat(home.selectFirst("[data-service=ent77]").text()).contains("Dernière vérification : aujourd'hui à 08:29");
        Document calmer = html(generator.render(new fr.vigie.aggregator.StatusSnapshot(crisis.at(), crisis.lastRound(),
                crisis.vantages(), false, crisis.current(), crisis.incidents(), crisis.history(), crisis.latency24h(),
                crisis.latency7d(), java.util.Map.of("educonnect", java.time.Instant.parse("2021-04-06T06:17:00Z")))),
                "index.html");
        // An older probe time never hides the verdict's own, later, time.
        assertThat(calmer.selectFirst("[data-service=educonnect]").text()).contains("aujourd'hui à 08:29");
        assertThat(home.selectFirst("main .updated").text()).isEqualTo("Mis à jour à 08:30 (heure de Paris, UTC+2)");
        assertThat(html(CRISIS, "en/index.html").selectFirst("main .updated").text())
                .isEqualTo("Updated at 08:30 (Paris time, UTC+2)");
        assertThat(html(CRISIS, "history/index.html").selectFirst("main .updated")).isNotNull();
    }

    @Test
    void eachOpenIncidentSaysWhatTheMeasurementsShowAndWhatToDo() {
        Document home = html(CRISIS, "index.html");
        org.jsoup.nodes.Element open = home.selectFirst("section[aria-labelledby=h-open] .inc");
        assertThat(open.selectFirst(".evidence").text()).startsWith("Ce que montrent les mesures :")
                .contains("14 fois l'habitude");
        assertThat(open.selectFirst(".advice").text()).startsWith("Que faire :").contains("réessayez plus tard");
        assertThat(html(CRISIS, "en/index.html").selectFirst("section[aria-labelledby=h-open] .advice").text())
                .startsWith("What to do:");
    }

    @Test
    void homeGroupsEduConnectFirstThenEntsByRegionThenCned() {
        Document home = html(CRISIS, "index.html");
        assertThat(home.select("main h2").eachText()).containsSubsequence("Incidents en cours", "ÉduConnect",
                "ENT (espaces numériques de travail)", "CNED", "Peut-on se fier à cette page ?");
        assertThat(home.select("main h3").eachText()).containsExactly("Grand Est", "Hauts-de-France",
                "Île-de-France");
    }

    @Test
    void bannerAnnouncesTheOverallSituationToAssistiveTechnology() {
        Document crisis = html(CRISIS, "index.html");
        Element banner = crisis.selectFirst(".banner");
        assertThat(banner.attr("role")).isEqualTo("status");
        assertThat(banner.attr("aria-live")).isEqualTo("polite");
        assertThat(banner.text()).contains("Panne majeure en cours", "Monlycée.net");
        Document calm = html(generator.render(Fixtures.calm()), "index.html");
        assertThat(calm.selectFirst(".banner").text()).contains("Tous les services fonctionnent normalement");
        assertThat(calm.text()).contains("Aucun incident en cours.");
    }

    @Test
    void openIncidentsComeFirstWithTheirLatestUpdateAndCrisisMarkupIsText() {
        SiteFiles files = CRISIS;
        String raw = text(files, "index.html");
        assertThat(raw).doesNotContain("<script>alert").doesNotContain("<b>travaillons")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        Document home = Jsoup.parse(raw);
        Element open = home.selectFirst("section[aria-labelledby=h-open]");
        assertThat(open.text()).contains("Perturbation : Monlycée.net, ENT77", "Cause probable identifiée",
                "Dernière information", Fixtures.HOSTILE);
        assertThat(open.select("a").attr("href")).isEqualTo("./incidents/2021-04-06-ovh-gra-saturation-1/");
        assertThat(raw.indexOf("h-open")).isLessThan(raw.indexOf("h-g0"));
    }

    @Test
    void vantageIncidentsNeverAppearAndImpairedProbingShowsANoticeNotOutages() {
        SiteFiles crisis = CRISIS;
        assertThat(crisis.all().keySet()).noneMatch(p -> p.contains("vantage"));
        assertThat(text(crisis, "history/index.html")).doesNotContain("sonde injoignable");
        assertThat(text(crisis, "index.html")).doesNotContain("Notre surveillance est perturbée");

        Document impaired = html(generator.render(Fixtures.impaired()), "index.html");
        assertThat(impaired.selectFirst(".notice").text()).contains("Notre surveillance est perturbée",
                "pas une panne des services");
        assertThat(impaired.select(".svc").eachText()).allMatch(t -> t.contains("Non vérifié"))
                .noneMatch(t -> t.contains("Panne majeure"));
        assertThat(impaired.selectFirst(".banner").text()).doesNotContain("Panne");
    }

    @Test
    void trustSectionGivesLastRoundAndProbeSitesAndTheComplianceMention() {
        Document home = html(CRISIS, "index.html");
        assertThat(home.selectFirst(".trust").text()).contains("Dernière série de tests : aujourd'hui à 08:29",
                "Sites de mesure : 2");
        assertThat(home.selectFirst("footer").text()).contains("Accessibilité : partiellement conforme");
        assertThat(home.selectFirst("footer a[href=./accessibilite/]")).isNotNull();
        assertThat(home.selectFirst("a.skip").attr("href")).isEqualTo("#main");
        assertThat(home.selectFirst("main#main")).isNotNull();
        // One static script, deferred, enhancing the page (the finder); never an inline one.
        assertThat(home.select("script").eachAttr("src")).containsExactly("./finder.js");
        assertThat(home.select("script:not([src])")).isEmpty();
        assertThat(home.select("meta[http-equiv=refresh]")).isEmpty();
        assertThat(home.text()).contains("Mise à jour de la plateforme").doesNotContain("Ancienne maintenance");
    }

    @Test
    void englishPagesLiveUnderEn() {
        SiteFiles files = CRISIS;
        Document home = html(files, "en/index.html");
        assertThat(home.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(home.selectFirst("[data-service=ent-idf]").text()).contains("Major outage",
                "Probable cause: saturation (heavy traffic)", "14 times the usual");
        assertThat(home.selectFirst("link[hreflang=fr]").attr("href")).isEqualTo("../");
        assertThat(html(files, "index.html").selectFirst("link[hreflang=en]").attr("href")).isEqualTo("en/");
        assertThat(files.get("en/incidents/2021-04-06-ovh-gra-saturation-1/index.html")).isNotNull();
        assertThat(html(files, "en/services/ent-idf/index.html").selectFirst("link[rel=stylesheet]").attr("href"))
                .isEqualTo("../../../style.css");
    }

    @Test
    void aSingleLanguageSiteHasNoLanguageSwitch() {
        fr.vigie.config.VigieConfig base = Fixtures.config();
        fr.vigie.config.Site site = base.site();
        fr.vigie.config.VigieConfig french = new fr.vigie.config.VigieConfig(new fr.vigie.config.Site(site.title(),
                site.baseUrl(), site.output(), java.util.List.of("fr"), site.timeZone(), site.listen(),
                site.contactUrl()), base.storage(), base.vantage(), base.probing(), base.schedules(), base.calendars(),
                base.maintenance(), base.journeys(), base.targets(), base.classifier(), base.alerts());
        SiteFiles files = new SiteGenerator(Fixtures.sections(french)).render(Fixtures.calm());
        assertThat(files.all().keySet()).noneMatch(p -> p.startsWith("en/"));
        Document home = html(files, "index.html");
        assertThat(home.select("link[hreflang]")).isEmpty();
        assertThat(home.select("nav a").eachText()).containsExactly("Historique");
    }

    @Test
    void servicePageHasHistoryBarsLatencyChartsAndIncidents() {
        Document page = html(CRISIS, "services/mbn/index.html");
        assertThat(page.title()).startsWith("Mon Bureau Numérique");
        assertThat(page.select("svg.bars rect")).hasSize(90);
        // The fixture has 89 measured days out of 90 (one gap): the page says so instead of "90 jours".
        assertThat(page.selectFirst("svg.bars").attr("aria-label")).startsWith("Disponibilité sur 89 jours de mesure :");
        assertThat(page.select("svg.chart")).hasSize(2);
        assertThat(page.select("svg.chart path.l-med").attr("d")).startsWith("M").contains("L");
        assertThat(page.select("figcaption").eachText()).anyMatch(t -> t.contains("dernières 24 heures"));
        assertThat(page.select("details table tbody tr")).isNotEmpty();
        assertThat(page.select("section[aria-labelledby=h-past] a").attr("href"))
                .isEqualTo("../../incidents/2021-03-15-mbn-storage-1/");
        assertThat(page.select("a[href$=history.atom]").eachAttr("href")).contains("../../services/mbn/history.atom");
    }

    @Test
    void incidentPageShowsEveryUpdateInChronologicalOrderWithCauseStartEndAndDuration() {
        SiteFiles files = CRISIS;
        Document open = html(files, "incidents/2021-04-06-ovh-gra-saturation-1/index.html");
        assertThat(open.select("ol.timeline > li")).hasSize(3);
        assertThat(open.select("ol.timeline > li").get(2).text()).contains("08:20", "Cellule de crise (Claire)",
                Fixtures.HOSTILE);
        assertThat(open.select("ol.timeline > li").get(0).text()).contains("08:02", "Incident ouvert");
        assertThat(open.selectFirst(".facts").text()).contains("État actuel Panne majeure", "Début",
                "6 avril 2021 à 08:02", "en cours", "28 min");
        assertThat(open.text()).contains("Cause probable : saturation (affluence)", "14 fois l'habitude",
                "Incident ouvert : panne partielle");
        assertThat(open.select("main ul a").eachText()).contains("Monlycée.net", "ENT77");

        Document past = html(files, "incidents/2021-03-15-mbn-storage-1/index.html");
        assertThat(past.selectFirst(".facts").text()).contains("15 mars 2021 à 10:30", "2 h 30 min");
        assertThat(past.selectFirst(".tag").text()).isEqualTo("Résolu");
    }

    @Test
    void historyListsIncidentsByMonthAndTheStatementPageExists() {
        SiteFiles files = CRISIS;
        Document history = html(files, "history/index.html");
        assertThat(history.select("main h2").eachText()).containsExactly("Avril 2021", "Mars 2021");
        Document statement = html(files, "accessibilite/index.html");
        assertThat(statement.title()).contains("Déclaration d'accessibilité");
        assertThat(statement.text()).contains("RGAA", "partiellement conforme", "Défenseur des droits");
    }

    @Test
    void homePageWithItsStylesheetStaysUnder30KilobytesCompressed() {
        SiteFiles files = CRISIS;
        int weight = AtomicSiteWriter.gzip(files.get("index.html")).length
                + AtomicSiteWriter.gzip(files.get("style.css")).length;
        assertThat(weight).isLessThan(30 * 1024);
        assertThat(text(files, "index.html")).doesNotContain("http://", "@font-face");
        assertThat(text(files, "style.css")).doesNotContain("@font-face", "url(");
    }

    @Test
    void generateSwitchesALinkAtomicallyToAFreshFolderAndKeepsOnlyTwoGenerations(@TempDir Path dir)
            throws IOException {
        Path out = dir.resolve("site");
        Path first = generator.generate(Fixtures.crisis(), out);
        assertThat(Files.isSymbolicLink(out)).isTrue();
        assertThat(out.toRealPath()).isEqualTo(first.toRealPath());
        assertThat(Files.readString(out.resolve("index.html"))).contains("Panne majeure en cours");
        assertThat(out.resolve("index.html.gz")).exists();
        assertThat(out.resolve("style.css.gz")).exists();

        Path second = generator.generate(Fixtures.calm(), out);
        Path third = generator.generate(Fixtures.calm(), out);
        assertThat(out.toRealPath()).isEqualTo(third.toRealPath());
        assertThat(Files.readString(out.resolve("index.html"))).contains("Tous les services fonctionnent");
        assertThat(first).doesNotExist();
        assertThat(second).exists();
        assertThat(tree(second)).isEqualTo(tree(third));
        for (String file : tree(third).keySet()) {
            assertThat(Files.readAllBytes(third.resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(second.resolve(file)));
        }
    }

    @Test
    void anExistingPlainFolderIsReplacedByTheLink(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("public");
        Files.createDirectories(out);
        Files.writeString(out.resolve("old.html"), "old");
        generator.generate(Fixtures.calm(), out);
        assertThat(Files.isSymbolicLink(out)).isTrue();
        assertThat(out.resolve("index.html")).exists();
        assertThat(out.resolve("old.html")).doesNotExist();
    }

    private static Map<String, Long> tree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).collect(java.util.stream.Collectors.toMap(
                    p -> root.relativize(p).toString(), p -> p.toFile().length(), (a, b) -> a,
                    java.util.TreeMap::new));
        }
    }
}
