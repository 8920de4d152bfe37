package fr.vigie.statuspage;

import fr.vigie.config.Target;
import fr.vigie.config.TargetKind;
import fr.vigie.statuspage.server.StatusSiteServer;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/** A real headless Chromium reads the served site at phone and desktop widths. */
class BrowserTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Map<String, String> EXPECTED = Map.of(
            "ent-idf", "Panne majeure", "ent77", "Panne partielle", "ent-hdf", "Fonctionne normalement",
            "mbn", "En maintenance", "cned-college", "Ralenti", "educonnect", "Fonctionne normalement");

    @TempDir
    static Path dir;
    private static Vertx vertx;
    private static StatusSiteServer server;
    private static ChromeDriverService service;
    private static ChromeDriver driver;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        Path site = dir.resolve("site");
        new SiteGenerator(Fixtures.sections(Fixtures.config())).generate(Fixtures.crisis(), site);
        server = StatusSiteServer.start(vertx, site, "127.0.0.1", 0).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        driver = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (server != null) {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    @Test
    void phoneReaderFindsEveryServiceAndFollowsAnIncident() throws Exception {
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(url("/"));
        checkServices();
        assertThat(driver.findElement(By.cssSelector(".banner")).getText()).contains("Panne majeure en cours");
        screenshot("home-phone");
        fullPage("home-phone-full", 390);

        driver.manage().window().setSize(new Dimension(390, 844));
        WebElement incident = driver.findElement(By.cssSelector("section[aria-labelledby=h-open] a.inc-name"));
        String name = incident.getText();
        incident.click();
        assertThat(driver.getCurrentUrl()).endsWith("/incidents/2021-04-06-ovh-gra-saturation-1/");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(name);
        assertThat(driver.findElements(By.cssSelector("ol.timeline > li"))).hasSize(3);
        assertThat(driver.findElement(By.cssSelector("ol.timeline")).getText()).contains(Fixtures.HOSTILE);
        fullPage("incident-phone-full", 390);

        driver.get(url("/services/ent-idf/"));
        assertThat(driver.findElements(By.cssSelector("svg.bars rect"))).hasSize(90);
        fullPage("service-phone-full", 390);
        assertNoConsoleError();
    }

    @Test
    void onAPhoneEveryLinkIsABigEnoughTapTargetAndAWholeCardOpensItsService() throws Exception {
        driver.manage().window().setSize(new Dimension(390, 844));
        for (String page : List.of("/", "/services/ent-idf/", "/incidents/2021-04-06-ovh-gra-saturation-1/")) {
            driver.get(url(page));
            @SuppressWarnings("unchecked")
            List<String> small = (List<String>) driver.executeScript("""
                    return [...document.querySelectorAll('a')].filter(a => !a.classList.contains('skip'))
                      .map(a => [a, a.getBoundingClientRect()])
                      .filter(([a, r]) => r.width > 0 && (r.height < 44 || r.width < 44))
                      .map(([a, r]) => a.textContent.trim() + ' ' + Math.round(r.width) + 'x' + Math.round(r.height));
                    """);
            Long links = (Long) driver.executeScript("return document.querySelectorAll('a').length");
            assertThat(links).as(page).isGreaterThan(5);
            assertThat(small).as("tap targets under 44 px on " + page).isEmpty();
        }
        driver.get(url("/"));
        // A tap on the card's status text, far from the name, opens the service.
        // (A click at its place: the card's link covers it, which is the point.)
        new org.openqa.selenium.interactions.Actions(driver)
                .moveToElement(driver.findElement(By.cssSelector("[data-service=ent77] .st-text"))).click().perform();
        assertThat(driver.getCurrentUrl()).endsWith("/services/ent77/");
    }

    @Test
    void aParentFindsTheirServiceByAcademieRegionOrNameAndWithoutScriptSeesTheWholeList() throws Exception {
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(url("/"));
        WebElement box = driver.findElement(By.id("finder-q"));
        assertThat(box.isDisplayed()).isTrue();
        box.sendKeys("creteil");
        assertThat(visibleServices()).containsExactlyInAnyOrder("ent-idf", "ent77");
        assertThat(driver.findElement(By.id("finder-count")).getText()).isEqualTo("2 service(s) trouvé(s)");
        box.clear();
        box.sendKeys("Grand Est");
        assertThat(visibleServices()).containsExactly("mbn");
        assertThat(driver.findElements(By.cssSelector("main h3")).stream().filter(WebElement::isDisplayed)
                .map(WebElement::getText).toList()).containsExactly("Grand Est");
        box.clear();
        box.sendKeys("éduconnect");
        assertThat(visibleServices()).containsExactly("educonnect");
        assertNoConsoleError();

        // The same page without its script (what a browser with JavaScript off gets): no box, every service.
        org.jsoup.nodes.Document plain = org.jsoup.Jsoup.connect(url("/")).get();
        assertThat(plain.selectFirst("#finder").hasAttr("hidden")).isTrue();
        assertThat(plain.select(".svc")).hasSize(6);
        assertThat(plain.select("script:not([src])")).isEmpty();
    }

    private List<String> visibleServices() {
        return driver.findElements(By.cssSelector(".svc")).stream().filter(WebElement::isDisplayed)
                .map(e -> e.getAttribute("data-service")).toList();
    }

    @Test
    void aParentSeesEduConnectAndWhenThePageWasUpdatedWithoutScrolling() throws Exception {
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(url("/"));
        WebElement updated = driver.findElement(By.cssSelector(".updated"));
        assertThat(updated.getText()).isEqualTo("Mis à jour à 08:30 (heure de Paris, UTC+2)");
        assertThat(updated.getRect().getY()).isLessThan(300);
        WebElement educonnect = driver.findElement(By.cssSelector("[data-service=educonnect]"));
        Long top = (Long) driver.executeScript("return Math.round(arguments[0].getBoundingClientRect().top)", educonnect);
        List<WebElement> cards = driver.findElements(By.cssSelector(".svc"));
        assertThat(cards.get(0).getAttribute("data-service")).isEqualTo("educonnect");
        assertThat(top).as("ÉduConnect's card top, in px from the top of a 844 px phone screen").isLessThan(3 * 844);
    }

    @Test
    void desktopReaderFindsEveryServiceAndTheEnglishSite() throws Exception {
        driver.manage().window().setSize(new Dimension(1366, 900));
        driver.get(url("/"));
        checkServices();
        screenshot("home-desktop");
        driver.findElement(By.linkText("English")).click();
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(driver.findElement(By.cssSelector("[data-service=ent-idf] .st-text")).getText())
                .isEqualTo("Major outage");
        driver.get(url("/accessibilite"));
        assertThat(driver.getTitle()).contains("Déclaration d'accessibilité");

        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        driver.get(url("/"));
        String background = (String) driver.executeScript(
                "return getComputedStyle(document.body).backgroundColor");
        assertThat(background).isEqualTo("rgb(21, 23, 26)");
        fullPage("home-dark-phone-full", 390);
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        assertNoConsoleError();
    }

    @Test
    void phoneReaderReachesTheAboutPageFromTheFooterInBothLanguages() throws Exception {
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(url("/"));
        driver.findElement(By.linkText("À propos : comment Vigie mesure")).click();
        assertThat(driver.getCurrentUrl()).endsWith("/a-propos/");
        assertThat(driver.getTitle()).isEqualTo("À propos : comment Vigie mesure – Vigie");
        assertThat(driver.findElements(By.cssSelector("[data-target]"))).hasSize(6);
        assertThat(driver.findElement(By.cssSelector("code.ua")).getText())
                .isEqualTo("User-Agent: Vigie (+https://vigie.test/contact)");
        assertNoHorizontalScroll();
        fullPage("about-phone-full", 390);

        driver.findElement(By.linkText("English")).click();
        assertThat(driver.getCurrentUrl()).endsWith("/en/a-propos/");
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(driver.getTitle()).isEqualTo("About: how Vigie measures – Vigie");
        assertNoHorizontalScroll();

        driver.get(url("/a-propos"));
        assertThat(driver.getCurrentUrl()).endsWith("/a-propos/");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("À propos : comment Vigie mesure");
        assertNoConsoleError();
    }

    /** Long hosts, schedules and the User-Agent wrap instead of widening the page. */
    private void assertNoHorizontalScroll() {
        Long overflow = (Long) driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow).as(driver.getCurrentUrl()).isLessThanOrEqualTo(0L);
    }

    private void checkServices() {
        for (Target target : Fixtures.targets()) {
            if (target.kind() == TargetKind.CONTROL) {
                assertThat(driver.findElements(By.cssSelector("[data-service=" + target.id() + "]"))).isEmpty();
                continue;
            }
            WebElement item = driver.findElement(By.cssSelector("[data-service=" + target.id() + "]"));
            assertThat(item.findElement(By.cssSelector(".svc-name")).getText()).isEqualTo(target.name());
            WebElement status = item.findElement(By.cssSelector(".st-text"));
            assertThat(status.isDisplayed()).isTrue();
            assertThat(status.getText()).isEqualTo(EXPECTED.get(target.id()));
        }
    }

    private void assertNoConsoleError() {
        List<LogEntry> entries = driver.manage().logs().get(LogType.BROWSER).getAll();
        assertThat(entries).filteredOn(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
                .extracting(LogEntry::getMessage).isEmpty();
    }

    private void screenshot(String name) throws Exception {
        Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    /** The whole page: grow the window to the document's height, shoot, and restore. */
    private void fullPage(String name, int width) throws Exception {
        long height = (Long) driver.executeScript("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(width, (int) Math.min(height + 140, 6000)));
        screenshot(name);
        driver.manage().window().setSize(new Dimension(width, 844));
    }
}
