package fr.vigie.app;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import fr.vigie.app.system.VigieSystem;
import fr.vigie.config.ConfigLoader;
import fr.vigie.config.VigieConfig;
import fr.vigie.simulator.LoopbackPorts;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.RequestOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subscription form in a real browser (headless Chromium), keyboard only, behind a reverse proxy that serves
 * the site and the endpoint on one origin as production does: every field has an accessible name, the form is
 * reached and sent with Tab, Space and Enter, and the page's CSP, referrer policy and the endpoint's Origin check
 * let it through, so a confirmation message arrives.
 */
class SubscribeFormBrowserTest {
    @TempDir
    Path dir;
    Vertx vertx;
    GreenMail smtp;
    HttpServer proxy;
    ChromeDriverService service;
    ChromeDriver driver;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (driver != null) driver.quit();
        if (service != null) service.stop();
        smtp.stop();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** The reverse proxy: /abonnement/ to the endpoint, everything else to the site, one origin for both. */
    private int proxy(int port, int sitePort, int endpointPort) throws Exception {
        HttpClient client = vertx.createHttpClient();
        proxy = vertx.createHttpServer().requestHandler(in -> in.body().onSuccess(body -> {
            int to = in.path().startsWith("/abonnement") ? endpointPort : sitePort;
            RequestOptions out = new RequestOptions().setHost("127.0.0.1").setPort(to).setMethod(in.method())
                    .setURI(in.uri()).setHeaders(in.headers().copy().remove("Host")
                            .add("X-Forwarded-For", in.remoteAddress().hostAddress()));
            client.request(out).compose(r -> r.send(body)).onSuccess(answer -> answer.body().onSuccess(b -> {
                in.response().setStatusCode(answer.statusCode()).headers().addAll(answer.headers());
                in.response().end(b);
            })).onFailure(e -> in.response().setStatusCode(502).end());
        })).listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return proxy.actualPort();
    }

    private VigieConfig config(int origin, int sitePort, int endpointPort) throws Exception {
        Path file = dir.resolve("browser.yaml");
        Files.writeString(file, """
                site: {output: %1$s/site, listen: "127.0.0.1:%3$d", base-url: "http://127.0.0.1:%2$d", languages: [fr]}
                storage: {type: embedded, path: %1$s/vigie.db}
                targets:
                  - {id: ent-a, name: ENT A, kind: ent, region: Grand Est, academies: [Strasbourg],
                     base-url: "http://127.0.0.1:1", journey: public-page}
                subscriptions:
                  listen: "127.0.0.1:%4$d"
                  public-url: "http://127.0.0.1:%2$d/abonnement"
                  smtp: "127.0.0.1:%5$d"
                  from: vigie@vigie.test
                """.formatted(dir, origin, sitePort, endpointPort, smtp.getSmtp().getPort()));
        return new ConfigLoader(Map.of()).load(file);
    }

    private ChromeDriver browser() throws Exception {
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")));
        return new ChromeDriver(service, options);
    }

    /** Presses Tab until the focused element matches, at most 60 times; the ids seen on the way. */
    private List<String> tabTo(String id) {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            driver.switchTo().activeElement().sendKeys(Keys.TAB);
            WebElement focused = driver.switchTo().activeElement();
            seen.add(focused.getAttribute("id"));
            if (id.equals(focused.getAttribute("id"))
                    || ("submit".equals(id) && "submit".equals(focused.getAttribute("type")))) {
                return seen;
            }
        }
        throw new AssertionError("Tab never reached " + id + ": " + seen);
    }

    @Test
    void subscribingWithTheKeyboardOnlyReachesTheMailbox() throws Exception {
        List<Integer> ports = LoopbackPorts.free(3);
        int origin = proxy(ports.get(0), ports.get(1), ports.get(2));
        try (VigieSystem system = VigieSystem.start(vertx, config(origin, ports.get(1), ports.get(2)),
                Optional.empty(), Clock.systemUTC())) {
            driver = browser();
            driver.get("http://127.0.0.1:" + origin + "/s-abonner/");
            // screen readers: every field has an accessible name from its label
            for (WebElement input : driver.findElements(By.cssSelector("form input:not([type=hidden])"))) {
                assertThat(input.getAccessibleName()).as(input.getAttribute("id")).isNotBlank();
            }
            assertThat(driver.findElement(By.id("adresse")).getAccessibleName()).isEqualTo("Adresse électronique");

            tabTo("adresse");
            driver.switchTo().activeElement().sendKeys("parent@exemple.fr");
            List<String> path = tabTo("c-r0"); // the region, after "tous les services"
            assertThat(path).contains("c-tout");
            driver.switchTo().activeElement().sendKeys(Keys.SPACE);
            assertThat(driver.findElement(By.id("c-r0")).isSelected()).isTrue();
            tabTo("submit");
            driver.switchTo().activeElement().sendKeys(Keys.ENTER);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!driver.getPageSource().contains("Vérifiez votre messagerie") && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(driver.getTitle()).startsWith("Vérifiez votre messagerie");
            assertThat(smtp.waitForIncomingEmail(20_000, 1)).isTrue();
            assertThat(smtp.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("parent@exemple.fr");
            assertThat(system.subscriptions().orElseThrow().store().count()).isEqualTo(1);
        }
    }
}
