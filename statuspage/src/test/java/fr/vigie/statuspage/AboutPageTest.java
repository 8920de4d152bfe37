package fr.vigie.statuspage;

import fr.vigie.config.CalendarConfig;
import fr.vigie.config.ConfigLoader;
import fr.vigie.config.Journey;
import fr.vigie.config.ProbingConfig;
import fr.vigie.config.ScheduleConfig;
import fr.vigie.config.Site;
import fr.vigie.config.Step;
import fr.vigie.config.StepKind;
import fr.vigie.config.Target;
import fr.vigie.config.TargetKind;
import fr.vigie.config.Vantage;
import fr.vigie.config.VigieConfig;
import fr.vigie.statuspage.model.ProbeIdentity;
import fr.vigie.statuspage.model.ScheduleWords;
import fr.vigie.statuspage.model.Texts;
import fr.vigie.statuspage.output.SiteFiles;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The "À propos / Comment Vigie mesure" page: what is probed, how, and how to reach the people probing. */
class AboutPageTest {
    private static final SiteFiles CRISIS = new SiteGenerator(Fixtures.sections(Fixtures.config())).render(Fixtures.crisis());

    private static String text(SiteFiles files, String path) {
        byte[] bytes = files.get(path);
        assertThat(bytes).as(path).isNotNull();
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Document html(SiteFiles files, String path) {
        return Jsoup.parse(text(files, path));
    }

    /** A config with the given site, probing, vantage, schedules, journeys and targets, the rest from Fixtures. */
    private static VigieConfig config(Site site, ProbingConfig probing, Vantage vantage,
                                      Map<String, ScheduleConfig> schedules, Map<String, CalendarConfig> calendars,
                                      Map<String, Journey> journeys, List<Target> targets) {
        VigieConfig base = Fixtures.config();
        return new VigieConfig(site, base.storage(), vantage, probing, schedules, calendars, base.maintenance(),
                journeys, targets, base.classifier(), base.alerts());
    }

    private static Site site(String title, String baseUrl, String contactUrl) {
        Site site = Fixtures.config().site();
        return new Site(title, baseUrl, site.output(), site.languages(), site.timeZone(), site.listen(), contactUrl);
    }

    private static Step step(String name, StepKind kind, boolean needsLogin) {
        return new Step(name, kind, "/" + name, null, null, true, Map.of(), null, Map.of(), needsLogin);
    }

    @Test
    void pageIsGeneratedInFrenchAtTheRootAndInEnglishUnderEnLikeTheAccessibilityStatement() {
        Document fr = html(CRISIS, "a-propos/index.html");
        Document en = html(CRISIS, "en/a-propos/index.html");
        assertThat(fr.selectFirst("html").attr("lang")).isEqualTo("fr");
        assertThat(en.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(fr.title()).isEqualTo("À propos : comment Vigie mesure – Vigie");
        assertThat(en.title()).isEqualTo("About: how Vigie measures – Vigie");
        assertThat(fr.select("h1")).hasSize(1);
        assertThat(fr.select("main h2").eachText()).containsExactly("Ce que fait Vigie", "Services mesurés",
                "Comment Vigie se présente", "Une charge volontairement faible", "Comptes de test",
                "Comment l'état et la cause probable sont décidés", "Données ouvertes",
                "Demander une modification ou l'arrêt des mesures");
        // the language switch points at the twin page, as on every other page
        assertThat(fr.selectFirst("link[hreflang=en]").attr("href")).isEqualTo("../en/a-propos/");
        assertThat(en.selectFirst("link[hreflang=fr]").attr("href")).isEqualTo("../../a-propos/");
        assertThat(fr.selectFirst("link[rel=stylesheet]").attr("href")).isEqualTo("../style.css");
        assertThat(fr.select("script")).isEmpty();
    }

    @Test
    void everyPublicServiceIsListedWithKindHostJourneyAndScheduleAndControlsOnlyByHost() {
        Document fr = html(CRISIS, "a-propos/index.html");
        List<String> expected = Fixtures.targets().stream().filter(t -> t.kind() != TargetKind.CONTROL)
                .map(Target::id).toList();
        assertThat(fr.select("[data-target]").eachAttr("data-target")).containsExactlyInAnyOrderElementsOf(expected);
        // ENTs first (French collation, as on the home page), then CNED, then ÉduConnect
        assertThat(fr.select(".probed h3").eachText()).containsExactly("ENT77", "ENT Hauts-de-France",
                "Mon Bureau Numérique", "Monlycée.net", "CNED Ma classe à la maison", "ÉduConnect");
        Element idf = fr.selectFirst("[data-target=ent-idf]");
        assertThat(idf.select("dt").eachText()).containsExactly("Type", "Adresse", "Parcours", "Fréquence");
        // Fixtures declare neither the journey nor the schedule their targets name
        assertThat(idf.select("dd").eachText()).containsExactly("ENT", "127.0.0.1", "journey", "non précisée");
        assertThat(fr.selectFirst("[data-target=educonnect] dd").text()).isEqualTo("Authentification (ÉduConnect)");
        assertThat(fr.select("[data-target=control-1]")).isEmpty();
        assertThat(fr.text()).contains("Nombre de services mesurés : 6.",
                "Vigie interroge aussi des services témoins, sans lien avec les plateformes mesurées : 127.0.0.1.",
                "Site de mesure qui publie cette page : Paris, identifiant paris-1.");
        Document en = html(CRISIS, "en/a-propos/index.html");
        assertThat(en.select("[data-target]")).hasSize(6);
        assertThat(en.selectFirst("[data-target=ent-idf]").select("dd").eachText())
                .containsExactly("ENT", "127.0.0.1", "journey", "not specified");
        assertThat(en.text()).contains("Probe site publishing this page: Paris, id paris-1.");
    }

    @Test
    void userAgentRateCapLoginPauseAndHysteresisComeFromTheConfig() {
        Document fr = html(CRISIS, "a-propos/index.html");
        // Fixtures: user-agent "Vigie", contact https://vigie.test/contact, 5 req/s, login back-off 30 min,
        // classifier defaults (2 rounds to open, 3 to close, slow factor 3)
        String agent = ProbeIdentity.userAgent("Vigie", "https://vigie.test/contact");
        assertThat(agent).isEqualTo("Vigie (+https://vigie.test/contact)");
        assertThat(fr.selectFirst("code.ua").text()).isEqualTo("User-Agent: " + agent);
        assertThat(fr.text()).contains(
                "Vigie n'envoie jamais plus de 5 requêtes par seconde au total",
                "comptes de test convenus avec chaque exploitant",
                "Vigie suspend les étapes avec connexion de ce service pendant 30 min",
                "se confirme sur 2 séries de tests de suite",
                "après 3 séries de tests sans problème",
                "atteint 3 fois son temps habituel",
                "cause probable");
        assertThat(html(CRISIS, "en/a-propos/index.html").text()).contains(
                "Vigie never sends more than 5 requests per second in total",
                "pauses that service's logged-in steps for 30 min", "holds for 2 rounds of checks in a row");
    }

    @Test
    void userAgentIsBuiltLikeTheProbesHeader() {
        // the same cases as fr.vigie.probes.run.RunnerSettings.userAgent: "<agent> (+<contact>)"
        assertThat(ProbeIdentity.userAgent("Vigie/0.1", "https://vigie.example/contact"))
                .isEqualTo("Vigie/0.1 (+https://vigie.example/contact)");
        assertThat(ProbeIdentity.userAgent("  Vigie/0.1 demo ", "http://127.0.0.1:8080/a-propos/"))
                .isEqualTo("Vigie/0.1 demo (+http://127.0.0.1:8080/a-propos/)");
        assertThat(ProbeIdentity.userAgent(null, "https://c")).isEqualTo("Vigie (+https://c)");
        assertThat(ProbeIdentity.userAgent(" ", null)).isEqualTo("Vigie");
        assertThat(ProbeIdentity.userAgent("Vigie/0.1 (+https://c)", "https://c")).isEqualTo("Vigie/0.1 (+https://c)");
    }

    @Test
    void anExternalContactIsLinkedAndTheDefaultContactSendsReadersToThePublisher() {
        Document external = html(CRISIS, "a-propos/index.html");
        assertThat(external.selectFirst("section[aria-labelledby=h-contact] a").attr("href"))
                .isEqualTo("https://vigie.test/contact");
        assertThat(html(CRISIS, "accessibilite/index.html").select("main a[href=https://vigie.test/contact]"))
                .hasSize(1);

        VigieConfig base = Fixtures.config();
        for (String own : List.of("https://etat.vigie.test/a-propos/", "https://etat.vigie.test/a-propos",
                "https://etat.vigie.test/en/a-propos/", "https://etat.vigie.test")) {
            VigieConfig config = config(site("Vigie", "https://etat.vigie.test", own), base.probing(), base.vantage(),
                    base.schedules(), base.calendars(), base.journeys(), base.targets());
            SiteFiles files = new SiteGenerator(Fixtures.sections(config)).render(Fixtures.calm());
            Document fr = html(files, "a-propos/index.html");
            Element contact = fr.selectFirst("section[aria-labelledby=h-contact]");
            assertThat(contact.select("a")).as(own).isEmpty();
            assertThat(contact.text()).as(own).contains("écrivez à l'éditeur de ce site (Vigie)");
            assertThat(fr.selectFirst("code.ua").text()).isEqualTo("User-Agent: Vigie (+" + own + ")");
            // the statement's contact is the about page, linked relatively like every page
            assertThat(html(files, "accessibilite/index.html").select("main a").eachAttr("href"))
                    .contains("../a-propos/#h-contact").doesNotContain(own);
            assertThat(html(files, "en/a-propos/index.html").selectFirst("section[aria-labelledby=h-contact]").text())
                    .contains("write to the publisher of this site (Vigie)");
        }
    }

    @Test
    void aContactThatIsNotHttpIsNeverALink() {
        VigieConfig base = Fixtures.config();
        VigieConfig config = config(site("Vigie", "https://etat.vigie.test", "javascript:alert(1)"), base.probing(),
                base.vantage(), base.schedules(), base.calendars(), base.journeys(), base.targets());
        SiteFiles files = new SiteGenerator(Fixtures.sections(config)).render(Fixtures.calm());
        assertThat(text(files, "a-propos/index.html")).doesNotContain("href=\"javascript:");
        assertThat(text(files, "accessibilite/index.html")).doesNotContain("href=\"javascript:");
    }

    @Test
    void everythingFromTheConfigIsEscapedAndOnlyTheHostOfABaseUrlIsShown() {
        String hostile = Fixtures.HOSTILE;
        Journey journey = new Journey("<b>parcours</b>", "<i>DESCRIPTION-INTERNE</i>", List.of(step("home", StepKind.PAGE, false)));
        Target target = new Target("ent-x", hostile, TargetKind.ENT, "Région", List.of(), "A", "vendor", "host",
                "https://probeuser:pa55word@ent.example.fr:8443/chemin-interne?jeton=t0k3n#fragment-x", "<b>parcours</b>",
                Optional.empty(), "rush", List.of(), Map.of("service", "https://ent.example.fr/?ticket=v4r"));
        ProbingConfig probing = new ProbingConfig("Vigie/0.1 <script>ua</script>", 2.5, Duration.ofSeconds(5),
                Duration.ofSeconds(20), 1_000_000, 10, Duration.ofMinutes(90), List.of());
        VigieConfig config = config(site("<em>Vigie</em>", "https://etat.vigie.test", "https://etat.vigie.test"),
                probing, new Vantage("<v>", "Paris <b>1</b>"),
                Map.of("rush", new ScheduleConfig("rush", null, Duration.ofSeconds(45), null, false)), Map.of(),
                Map.of("<b>parcours</b>", journey), List.of(target));
        SiteFiles files = new SiteGenerator(Fixtures.sections(config)).render(Fixtures.calm());
        String raw = text(files, "a-propos/index.html");
        assertThat(raw).doesNotContain("<script>", "<b>", "<i>", "<em>", "<v>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "&lt;b&gt;parcours&lt;/b&gt;");
        assertThat(raw).doesNotContain("probeuser", "pa55word", "8443", "chemin-interne", "jeton", "t0k3n",
                "fragment-x", "ticket", "v4r", "DESCRIPTION-INTERNE");
        Document page = Jsoup.parse(raw);
        assertThat(page.selectFirst("[data-target=ent-x] h3").text()).isEqualTo(hostile);
        assertThat(page.selectFirst("[data-target=ent-x]").select("dd").eachText()).containsExactly("ENT",
                "ent.example.fr", "<b>parcours</b> — 1 étape, sans connexion", "toutes les 45 s");
        assertThat(page.selectFirst("code.ua").text())
                .isEqualTo("User-Agent: Vigie/0.1 <script>ua</script> (+https://etat.vigie.test)");
        assertThat(page.text()).contains("Site de mesure qui publie cette page : Paris <b>1</b>, identifiant <v>.",
                "plus de 2,5 requêtes par seconde", "pendant 1 h 30 min",
                "écrivez à l'éditeur de ce site (<em>Vigie</em>)");
        assertThat(page.title()).isEqualTo("À propos : comment Vigie mesure – <em>Vigie</em>");
        assertThat(Jsoup.parse(text(files, "en/a-propos/index.html")).text())
                .contains("more than 2.5 requests per second");
    }

    @Test
    void journeysSayHowManyStepsRunWhetherATestAccountIsUsedAndWhetherOneWrites() {
        Journey write = new Journey("ent-write", null, List.of(step("login-page", StepKind.LOGIN, false),
                step("theme", StepKind.STATIC, false), step("login", StepKind.LOGIN, true),
                step("post", StepKind.WRITE, true), step("logout", StepKind.PAGE, true)));
        Target logged = new Target("ent-a", "ENT A", TargetKind.ENT, null, List.of(), null, "v", "h",
                "https://ent-a.example.fr", "ent-write", Optional.of(new fr.vigie.config.Credentials(
                fr.vigie.config.Secret.of("env:U", "compte.test"), fr.vigie.config.Secret.of("env:P", "m0tdepasse"))),
                "default", List.of(), Map.of());
        Target anonymous = new Target("ent-b", "ENT B", TargetKind.ENT, null, List.of(), null, "v", "h",
                "https://ent-b.example.fr", "ent-write", Optional.empty(), "default", List.of(), Map.of());
        VigieConfig base = Fixtures.config();
        VigieConfig config = config(base.site(), base.probing(), base.vantage(),
                Map.of("default", new ScheduleConfig("default", null, Duration.ofMinutes(1), null, false)),
                Map.of(), Map.of("ent-write", write), List.of(logged, anonymous));
        SiteFiles files = new SiteGenerator(Fixtures.sections(config)).render(Fixtures.calm());
        Document fr = html(files, "a-propos/index.html");
        assertThat(fr.select("[data-target=ent-a] dd").get(2).text()).isEqualTo(
                "ent-write — 5 étapes, avec connexion d'un compte de test, dont 1 qui écrit avec ce compte de test");
        assertThat(fr.select("[data-target=ent-b] dd").get(2).text()).isEqualTo(
                "ent-write — 2 étapes, pages publiques seulement (pas de compte de test)");
        assertThat(html(files, "en/a-propos/index.html").select("[data-target=ent-a] dd").get(2).text()).isEqualTo(
                "ent-write — 5 steps, logged in with a test account, 1 of which writes with that test account");
        assertThat(text(files, "a-propos/index.html")).doesNotContain("compte.test", "m0tdepasse", "env:U", "env:P");
    }

    @Test
    void schedulesReadInWords() {
        ScheduleWords fr = new ScheduleWords(Texts.of("fr"));
        ScheduleWords en = new ScheduleWords(Texts.of("en"));
        // the shipped school-rush schedule
        ScheduleConfig rush = new ScheduleConfig("school-rush", String.join(ScheduleConfig.CRON_SEPARATOR,
                "*/30 30-59 7 ? * MON-FRI", "*/30 * 8-9 ? * MON-FRI", "0 */2 * ? * *"), null, null, false);
        assertThat(fr.describe(rush, null, null)).isEqualTo(
                "toutes les 30 s de 7h30 à 10h du lundi au vendredi, toutes les 2 min le reste du temps");
        assertThat(en.describe(rush, null, null)).isEqualTo(
                "every 30 s from 7:30 to 10:00 Monday to Friday, every 2 min the rest of the time");
        assertThat(fr.describe(new ScheduleConfig("s", null, Duration.ofMinutes(2), null, false), null, null))
                .isEqualTo("toutes les 2 min");
        assertThat(fr.describe(new ScheduleConfig("s", null, Duration.ofSeconds(90), null, true), null, "C"))
                .isEqualTo("toutes les 1 min 30 s, uniquement les jours d'école de la zone C");
        assertThat(en.describe(new ScheduleConfig("s", null, Duration.ofMinutes(1), "zc", false),
                new CalendarConfig("zc", "C", true, List.of(LocalDate.of(2021, 4, 6))), "A"))
                .isEqualTo("every minute, on school days of zone C only, except 1 excluded date(s)");
        assertThat(fr.describe(new ScheduleConfig("s", null, Duration.ofMinutes(5), "f", false),
                new CalendarConfig("f", null, true, List.of()), null)).isEqualTo("toutes les 5 min, sauf les jours fériés");
        assertThat(fr.describe(new ScheduleConfig("s", "0 * 22-23 ? * *", null, null, false), null, null))
                .isEqualTo("chaque minute de 22h à minuit");
        assertThat(fr.describe(new ScheduleConfig("s", "0 0/15 6-8 ? * 2-6", null, null, false), null, null))
                .isEqualTo("toutes les 15 min de 6h à 9h du lundi au vendredi");
        // not a steady rhythm in one window: the expressions themselves, not a guess
        assertThat(fr.describe(new ScheduleConfig("s", "0 15 6 ? * SAT", null, null, false), null, null))
                .isEqualTo("selon le planning cron (Quartz) « 0 15 6 ? * SAT »");
        assertThat(en.describe(new ScheduleConfig("s", "0 30-59 7-9 ? * *", null, null, false), null, null))
                .isEqualTo("following the cron (Quartz) schedule « 0 30-59 7-9 ? * * »");
        assertThat(fr.describe(null, null, null)).isEqualTo("non précisée");
    }

    @Test
    void everyHtmlPageLinksToTheAboutPageFromItsFooterAndTheLinkResolves() {
        List<String> pages = new ArrayList<>();
        CRISIS.all().forEach((path, bytes) -> {
            if (!path.endsWith(".html")) {
                return;
            }
            pages.add(path);
            Document page = Jsoup.parse(new String(bytes, StandardCharsets.UTF_8));
            Element link = page.selectFirst("footer a[href$=a-propos/]");
            assertThat(link).as(path).isNotNull();
            String english = path.startsWith("en/") ? "en/" : "";
            assertThat(link.text()).as(path).isEqualTo(english.isEmpty() ? "À propos : comment Vigie mesure"
                    : "About: how Vigie measures");
            // next to the accessibility link, in the same paragraph
            assertThat(link.parent().selectFirst("a[href$=accessibilite/]")).as(path).isNotNull();
            String target = path.endsWith("404.html") ? link.attr("href").substring(1)
                    : URI.create("https://x/" + path).resolve(link.attr("href")).getPath().substring(1);
            assertThat(target).as(path).isEqualTo(english + "a-propos/");
            assertThat(CRISIS.get(target + "index.html")).as(path).isNotNull();
        });
        assertThat(pages).contains("index.html", "en/index.html", "a-propos/index.html", "en/404.html",
                "services/ent-idf/index.html", "en/incidents/2021-04-06-ovh-gra-saturation-1/index.html");
    }

    @Test
    void theShippedConfigsGiveASensiblePage() throws Exception {
        for (String name : List.of("france.yaml", "demo.yaml")) {
            Path file = Path.of("..", "config", name);
            VigieConfig config = new ConfigLoader(Map.of()).load(file);
            assertThat(config.site().contactUrl()).as(name).isEqualTo(config.site().baseUrl() + "/a-propos/");
            SiteFiles files = new SiteGenerator(Fixtures.sections(config)).render(Fixtures.calm());
            Document fr = html(files, "a-propos/index.html");
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target", "about-" + name.replace(".yaml", "") + ".html"), files.get("a-propos/index.html"));
            long services = config.targets().stream().filter(t -> t.kind() != TargetKind.CONTROL).count();
            assertThat(fr.select("[data-target]")).as(name).hasSize((int) services);
            assertThat(fr.selectFirst("code.ua").text()).as(name).isEqualTo("User-Agent: "
                    + ProbeIdentity.userAgent(config.probing().userAgent(), config.site().contactUrl()))
                    .endsWith("/a-propos/)");
            assertThat(fr.text()).as(name).doesNotContain("${", "{0}", "null");
            assertThat(fr.select("[data-target] dd")).allSatisfy(dd -> assertThat(dd.text()).isNotBlank());
            // the contact is the page itself: no self link, the publisher instead
            assertThat(fr.select("section[aria-labelledby=h-contact] a")).as(name).isEmpty();
        }
        Document france = html(new SiteGenerator(Fixtures.sections(new ConfigLoader(Map.of()).load(Path.of("..", "config", "france.yaml"))))
                .render(Fixtures.calm()), "a-propos/index.html");
        assertThat(france.selectFirst("[data-target=ent-idf]").select("dd").eachText()).contains(
                "toutes les 30 s de 7h30 à 10h du lundi au vendredi, toutes les 2 min le reste du temps");
    }

    @Test
    void theSiteMapStaysDeterministic() {
        Map<String, byte[]> again = new LinkedHashMap<>(new SiteGenerator(Fixtures.sections(Fixtures.config())).render(Fixtures.crisis()).all());
        assertThat(again.get("a-propos/index.html")).isEqualTo(CRISIS.get("a-propos/index.html"));
        assertThat(again.get("en/a-propos/index.html")).isEqualTo(CRISIS.get("en/a-propos/index.html"));
    }
}
