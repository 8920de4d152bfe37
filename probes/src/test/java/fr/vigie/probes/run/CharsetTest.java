package fr.vigie.probes.run;

import fr.vigie.config.StepKind;
import fr.vigie.probes.Outcome;
import fr.vigie.probes.StepResult;
import fr.vigie.probes.testing.Await;
import fr.vigie.probes.testing.Fixtures;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static fr.vigie.probes.testing.Fixtures.expect;
import static fr.vigie.probes.testing.Fixtures.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages in ISO-8859-1 (older ENT and vie scolaire pages): the charset is read from the Content-Type header or,
 * without one, from the page's own {@code <meta>}, by a real HTTP server on loopback. An expected text with
 * accents only matches when the bytes were decoded with the right charset.
 */
class CharsetTest {
    private static final Charset LATIN_1 = StandardCharsets.ISO_8859_1;
    private static final String TEXT = "Espace élève : cahier de textes à jour";

    Vertx vertx;
    JourneyRunner runner;
    HttpServer server;
    final Map<String, Object[]> pages = Map.of(
            "/header", new Object[] {"text/html; charset=\"ISO-8859-1\"", page("", LATIN_1)},
            "/meta", new Object[] {"text/html", page("<meta charset=\"iso-8859-1\">", LATIN_1)},
            "/http-equiv", new Object[] {"text/html", page(
                    "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">", LATIN_1)},
            "/none-utf8", new Object[] {"text/html", page("", StandardCharsets.UTF_8)},
            "/no-type", new Object[] {null, page("<meta charset=\"iso-8859-1\">", LATIN_1)},
            "/json-latin1", new Object[] {"application/json; charset=iso-8859-1",
                    Buffer.buffer(("{\"message\":\"" + TEXT + "\"}").getBytes(LATIN_1))},
            "/big", new Object[] {"text/html", page("<meta charset=\"iso-8859-1\">" + "x".repeat(50_000), LATIN_1)});

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        // bodies are bounded at 20,000 bytes: the charset detection never sees more
        runner = new JourneyRunner(vertx, Fixtures.settings(Fixtures.probing(Duration.ofSeconds(10), 20_000)));
        server = Await.result(vertx.createHttpServer().requestHandler(req -> {
            Object[] p = pages.get(req.path());
            if (p[0] != null) {
                req.response().putHeader("Content-Type", (String) p[0]);
            }
            req.response().end((Buffer) p[1]);
        }).listen(0, "127.0.0.1"));
    }

    @AfterEach
    void stop() {
        Await.result(runner.close());
        Await.result(vertx.close());
    }

    private static Buffer page(String head, Charset charset) {
        return Buffer.buffer(("<!DOCTYPE html><html><head>" + head + "<title>ENT</title></head><body><p id=\"msg\">"
                + TEXT + "</p></body></html>").getBytes(charset));
    }

    private StepResult fetch(String path, String selector) {
        var journey = Fixtures.journey(get("page", StepKind.PAGE, path, expect(List.of(200), TEXT, selector)));
        List<StepResult> r = Await.result(runner.run(Fixtures.target("http://127.0.0.1:" + server.actualPort()),
                journey, RoundInfo.now(), x -> { }));
        assertThat(r).hasSize(1);
        return r.get(0);
    }

    @Test
    void theCharsetOfTheContentTypeHeaderIsUsed() {
        StepResult r = fetch("/header", "p#msg");
        assertThat(r.outcome()).as(r.detail()).isEqualTo(Outcome.OK);
    }

    @Test
    void withoutOneInTheHeaderThePagesMetaCharsetIsUsed() {
        for (String path : List.of("/meta", "/http-equiv", "/no-type")) {
            StepResult r = fetch(path, "p#msg");
            assertThat(r.outcome()).as(path + ": " + r.detail()).isEqualTo(Outcome.OK);
        }
    }

    @Test
    void withoutAnyDeclarationUtf8IsRead() {
        StepResult r = fetch("/none-utf8", "p#msg");
        assertThat(r.outcome()).as(r.detail()).isEqualTo(Outcome.OK);
    }

    @Test
    void aJsonBodyInTheHeadersCharsetIsDecodedWithIt() {
        StepResult r = fetch("/json-latin1", null);
        assertThat(r.outcome()).as(r.detail()).isEqualTo(Outcome.OK);
    }

    @Test
    void aBodyPastTheBoundIsStillRefusedBeforeAnyDecoding() {
        StepResult r = fetch("/big", null);
        assertThat(r.outcome()).isEqualTo(Outcome.TOO_LARGE);
    }

    @Test
    void aDecodingMistakeWouldFailTheExpectation() {
        // the control: the same Latin-1 bytes read as UTF-8 do not contain the expected text
        assertThat(new String(page("", LATIN_1).getBytes(), StandardCharsets.UTF_8)).doesNotContain(TEXT);
    }
}
