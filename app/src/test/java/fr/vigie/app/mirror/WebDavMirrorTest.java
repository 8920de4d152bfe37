package fr.vigie.app.mirror;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fr.vigie.aggregator.Aggregator;
import fr.vigie.aggregator.store.Store;
import fr.vigie.aggregator.store.Stores;
import fr.vigie.app.system.Sections;
import fr.vigie.config.ConfigLoader;
import fr.vigie.config.Secret;
import fr.vigie.config.SiteMirror;
import fr.vigie.config.VigieConfig;
import fr.vigie.statuspage.SiteGenerator;
import fr.vigie.statuspage.SiteRegenerator;
import fr.vigie.statuspage.output.AtomicSiteWriter;
import fr.vigie.statuspage.output.SiteFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.awaitility.Awaitility;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The site pushed to a real nginx with WebDAV on loopback: the same files served, only what changed sent again
 * (PUTs counted in nginx's access log), removed files deleted, a restart sending nothing new, nginx down while the
 * site keeps being rendered then the push resuming, a wrong password a clear error with no secret in the log.
 */
class WebDavMirrorTest {
    private static final String USER = "vigie";
    private static final String PASSWORD = "bon-mot-de-passe-42";
    private static final String WRONG = "mauvais-mot-de-passe-17";
    private static final MirrorPusher.Settings FAST = new MirrorPusher.Settings(100, Duration.ofMillis(100),
            Duration.ofMillis(400));
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;
    private DavNginx nginx;
    private Path out;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger mirrorLogger = (Logger) LoggerFactory.getLogger("fr.vigie.app.mirror");
    private final Counting listener = new Counting();

    /** The metrics' view: files sent per push, failures. */
    static final class Counting implements SiteMirrors.Listener {
        final List<Integer> uploadsPerPush = new CopyOnWriteArrayList<>();
        final AtomicInteger deleted = new AtomicInteger();
        final AtomicInteger failures = new AtomicInteger();

        @Override
        public void pushed(String mirror, int uploaded, int deletedFiles) {
            uploadsPerPush.add(uploaded);
            deleted.addAndGet(deletedFiles);
        }

        @Override
        public void failed(String mirror) {
            failures.incrementAndGet();
        }
    }

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(DavNginx.NGINX),
                "nginx is not installed (Debian: apt-get install nginx); the WebDAV mirror is not tested");
        nginx = DavNginx.start(dir, USER, PASSWORD);
        out = dir.resolve("site");
        logs.start();
        mirrorLogger.addAppender(logs);
        mirrorLogger.setLevel(Level.DEBUG);
    }

    @AfterEach
    void stop() throws Exception {
        mirrorLogger.detachAppender(logs);
        mirrorLogger.setLevel(null);
        if (nginx != null) {
            nginx.close();
        }
    }

    @Test
    void sendsOnlyWhatChangedInLinkOrderDeletesWhatDisappearedAndRemembersAcrossARestart() throws Exception {
        Map<String, String> v1 = new LinkedHashMap<>();
        v1.put("index.html", "<a href=\"services/ent-a/\">ENT A</a><link href=\"style.css\">");
        v1.put("style.css", "body { color: #000; }");
        v1.put("api/v2/summary.json", "{\"status\":\"operational\"}");
        v1.put("services/ent-a/index.html", "<p>ENT A : opérationnel</p>");
        v1.put("old.json", "{\"gone\":false}");
        publish(v1);
        Path data = dir.resolve("data");
        String url = nginx.url("open");
        SiteMirror mirror = new SiteMirror(url, null, null, Duration.ofSeconds(5));

        try (SiteMirrors mirrors = SiteMirrors.start(List.of(mirror), out, data, FAST, listener)) {
            mirrors.siteChanged();
            awaitPushes(mirrors, 1);
            for (String path : v1.keySet()) {
                assertServedAsLocal("open", path);
            }
            assertServedAsLocal("open", "index.html.gz"); // the pre-compressed twins go too
            // each file sent once, under a temporary name then moved in place, the home page last
            List<String> puts = nginx.requests("PUT", "/open/");
            assertThat(puts).hasSize(filesIn(out)).allMatch(l -> l.endsWith(".vigie-tmp 201"));
            assertThat(nginx.requests("MOVE", "/open/")).hasSize(puts.size());
            assertThat(puts.get(puts.size() - 1)).startsWith("PUT /open/.index.html");
            assertThat(indexOf(puts, "/open/.style.css.vigie-tmp"))
                    .isLessThan(indexOf(puts, "/open/services/ent-a/.index.html.vigie-tmp"));
            assertThat(indexOf(puts, "/open/api/v2/.summary.json.vigie-tmp"))
                    .isLessThan(indexOf(puts, "/open/services/ent-a/.index.html.vigie-tmp"));

            Map<String, String> v2 = new LinkedHashMap<>(v1);
            v2.put("index.html", v1.get("index.html") + "<p>Incident en cours</p>");
            v2.remove("old.json");
            publish(v2);
            mirrors.siteChanged();
            awaitPushes(mirrors, 2);
            assertServedAsLocal("open", "index.html");
            assertThat(nginx.requests("PUT", "/open/.index.html.vigie-tmp")).hasSize(2);
            assertThat(nginx.requests("PUT", "/open/.style.css.vigie-tmp")).hasSize(1);
            assertThat(nginx.requests("PUT", "/open/services/ent-a/.index.html.vigie-tmp")).hasSize(1);
            assertThat(nginx.requests("DELETE", "/open/old.json")).containsExactlyInAnyOrder(
                    "DELETE /open/old.json 204", "DELETE /open/old.json.gz 204");
            assertThat(get(url + "old.json").statusCode()).isEqualTo(404);
            assertThat(listener.deleted.get()).isEqualTo(2); // old.json and its .gz twin
        }

        int putsBefore = nginx.requests("PUT", "/open/").size();
        try (SiteMirrors restarted = SiteMirrors.start(List.of(mirror), out, data, FAST, listener)) {
            restarted.siteChanged();
            awaitPushes(restarted, 1);
            assertThat(nginx.requests("PUT", "/open/")).as("nothing sent again after a restart").hasSize(putsBefore);

            // at most maxFilesPerPush per push, the rest following at once
            Map<String, String> v3 = new LinkedHashMap<>();
            for (int i = 0; i < 7; i++) {
                v3.put("services/ent-" + i + "/historique.png", "image " + i);
            }
            v3.put("index.html", "<p>sept services</p>");
            publish(v3);
            listener.uploadsPerPush.clear();
        }
        MirrorPusher.Settings small = new MirrorPusher.Settings(3, FAST.minBackoff(), FAST.maxBackoff());
        try (SiteMirrors capped = SiteMirrors.start(List.of(mirror), out, data, small, listener)) {
            capped.siteChanged();
            awaitPushes(capped, 1);
            for (int i = 0; i < 7; i++) {
                assertServedAsLocal("open", "services/ent-" + i + "/historique.png");
            }
            assertServedAsLocal("open", "index.html");
            assertThat(get(url + "style.css").statusCode()).isEqualTo(404);
            assertThat(listener.uploadsPerPush).hasSizeGreaterThanOrEqualTo(3).allMatch(n -> n <= 3);
        }
    }

    @Test
    void theSiteKeepsBeingRenderedWhileTheMirrorIsDownAndThePushResumes() throws Exception {
        Path file = dir.resolve("vigie.yaml");
        Files.writeString(file, """
                site: {output: %1$s/site}
                storage: {type: embedded, path: %1$s/vigie.db}
                targets:
                  - {id: ent-a, name: Ent A, kind: ent, base-url: "http://127.0.0.1:1", journey: control}
                """.formatted(dir));
        VigieConfig config = new ConfigLoader(Map.of()).load(file);
        SiteMirror mirror = new SiteMirror(nginx.url("open"), null, null, Duration.ofSeconds(2));
        try (Store store = Stores.open(config.storage());
             SiteMirrors mirrors = SiteMirrors.start(List.of(mirror), out, dir.resolve("data"), FAST, listener);
             SiteRegenerator regenerator = new SiteRegenerator(new SiteGenerator(Sections.site(config)),
                     new Aggregator(Sections.aggregator(config), store).snapshots(), out, Clock.systemUTC(), mirrors::siteChanged)) {
            regenerator.request();
            awaitPushes(mirrors, 1);
            assertServedAsLocal("open", "index.html");
            assertServedAsLocal("open", "api/v2/summary.json");

            nginx.stop();
            long generations = regenerator.generations();
            regenerator.request();
            await(() -> mirrors.failing() == 1, "the mirror is seen failing");
            for (int i = 1; i <= 3; i++) {
                long before = regenerator.generations();
                regenerator.request();
                await(() -> regenerator.generations() > before, "the site is still rendered locally");
            }
            assertThat(regenerator.generations()).isGreaterThanOrEqualTo(generations + 4);
            await(() -> listener.failures.get() >= 3, "retried with a back-off");

            nginx.restart();
            await(() -> mirrors.failing() == 0, "the push resumes when nginx is back");
            awaitPushes(mirrors, 2);
            assertServedAsLocal("open", "index.html");
            assertServedAsLocal("open", "api/v2/summary.json");
        }
        // logged once per change of state, not once per failure
        assertThat(messages(Level.WARN)).hasSize(1).first().asString()
                .contains("push failed", "the local site keeps being published");
        assertThat(messages(Level.INFO)).filteredOn(m -> m.contains("in step with the site again")).hasSize(1);
        assertThat(listener.failures.get()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aWrongPasswordIsAClearErrorWithoutTheSecretAndTheRightOneGetsIn() throws Exception {
        publish(Map.of("index.html", "<p>page</p>", "api/v2/summary.json", "{}"));
        Path data = dir.resolve("data");
        SiteMirror wrong = new SiteMirror(nginx.url("secure"), USER, Secret.of("env:VIGIE_MIRROR_PASSWORD", WRONG),
                Duration.ofSeconds(5));
        try (SiteMirrors mirrors = SiteMirrors.start(List.of(wrong), out, data, FAST, listener)) {
            mirrors.siteChanged();
            await(() -> mirrors.failing() == 1 && listener.failures.get() >= 2, "refused, then refused again");
        }
        assertThat(messages(Level.WARN)).hasSize(1).first().asString().contains(
                "refused the account 'vigie' (HTTP 401", "check username and the password in env:VIGIE_MIRROR_PASSWORD");
        assertThat(nginx.requests("MKCOL", "/secure/")).isNotEmpty().allMatch(l -> l.endsWith(" 401"));
        assertThat(nginx.requests("PUT", "/secure/")).allMatch(l -> l.endsWith(" 401"));
        assertThat(Files.exists(nginx.served("secure", "index.html"))).isFalse();

        SiteMirror right = new SiteMirror(nginx.url("secure"), USER, Secret.of("env:VIGIE_MIRROR_PASSWORD", PASSWORD),
                Duration.ofSeconds(5));
        try (SiteMirrors mirrors = SiteMirrors.start(List.of(right), out, data, FAST, listener)) {
            mirrors.siteChanged();
            awaitPushes(mirrors, 1);
        }
        assertThat(Files.readString(nginx.served("secure", "index.html"))).isEqualTo("<p>page</p>");
        assertThat(get(nginx.url("secure") + "index.html").statusCode()).as("the account is needed").isEqualTo(401);
        String everything = String.join("\n", messages(Level.TRACE));
        assertThat(everything).isNotEmpty().doesNotContain(WRONG).doesNotContain(PASSWORD);
    }

    @Test
    void aServerWithoutMoveGetsPlainPutsSaidOnce() throws Exception {
        publish(Map.of("index.html", "<p>page</p>", "style.css", "p {}", "api/v2/summary.json", "{}"));
        SiteMirror mirror = new SiteMirror(nginx.url("nomove"), null, null, Duration.ofSeconds(5));
        try (SiteMirrors mirrors = SiteMirrors.start(List.of(mirror), out, dir.resolve("data"), FAST, listener)) {
            mirrors.siteChanged();
            awaitPushes(mirrors, 1);
            for (String path : List.of("index.html", "style.css", "api/v2/summary.json", "index.html.gz")) {
                assertServedAsLocal("nomove", path);
            }
        }
        assertThat(nginx.requests("MOVE", "/nomove/")).hasSize(1).allMatch(l -> l.endsWith(" 405"));
        assertThat(nginx.requests("PUT", "/nomove/")).filteredOn(l -> l.contains(".vigie-tmp")).hasSize(1);
        assertThat(nginx.requests("DELETE", "/nomove/")).hasSize(1).allMatch(l -> l.contains(".vigie-tmp"));
        assertThat(messages(Level.INFO)).filteredOn(m -> m.contains("offers no WebDAV MOVE")).hasSize(1);
        assertThat(listener.failures.get()).isZero();
    }

    /** Writes a generation the way the site generator does ({@code <out>.gen-N}, a link swapped atomically). */
    private void publish(Map<String, String> files) {
        SiteFiles site = new SiteFiles();
        files.forEach((path, text) -> site.put(path, text.getBytes(StandardCharsets.UTF_8)));
        new AtomicSiteWriter().publish(site, out);
    }

    private void assertServedAsLocal(String folder, String path) throws Exception {
        HttpResponse<byte[]> served = get(nginx.url(folder) + path);
        assertThat(served.statusCode()).as(path).isEqualTo(200);
        assertThat(served.body()).as(path).isEqualTo(Files.readAllBytes(out.resolve(path)));
    }

    private static HttpResponse<byte[]> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static int filesIn(Path site) throws Exception {
        try (var walk = Files.walk(site.toRealPath())) {
            return (int) walk.filter(Files::isRegularFile).count();
        }
    }

    private static int indexOf(List<String> lines, String uri) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("PUT " + uri + " ")) {
                return i;
            }
        }
        throw new AssertionError(uri + " was never sent: " + lines);
    }

    /** The mirror's log lines at exactly this level; every line for TRACE. */
    private List<String> messages(Level atLeast) {
        List<String> found = new ArrayList<>();
        for (ILoggingEvent e : logs.list) {
            if (atLeast == Level.TRACE || e.getLevel().equals(atLeast)) {
                found.add(e.getFormattedMessage());
            }
        }
        return found;
    }

    private static void awaitPushes(SiteMirrors mirrors, long count) throws InterruptedException {
        await(() -> mirrors.pushers().get(0).pushes() >= count, count + " complete push(es)");
    }

    /** What nginx holds, or the pusher's count of finished pushes, looked at again until it holds. */
    private static void await(BooleanSupplier condition, String what) {
        Awaitility.await(what).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(condition::getAsBoolean);
    }
}
