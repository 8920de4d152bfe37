package fr.vigie.probes.run;

import fr.vigie.config.Step;
import fr.vigie.config.StepKind;
import fr.vigie.probes.Outcome;
import fr.vigie.probes.StepResult;
import fr.vigie.probes.testing.Await;
import fr.vigie.probes.testing.Fixtures;
import fr.vigie.probes.testing.Warmup;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static fr.vigie.probes.testing.Fixtures.expect;
import static fr.vigie.probes.testing.Fixtures.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A login page with 100,000 hidden inputs: its form is refused past the field bound, and the parsing runs on a
 * worker, so the only event loop (the test runs Vert.x with one) keeps turning meanwhile.
 */
class HostilePageTest {
    static final int FIELDS = 100_000;
    Vertx vertx;
    JourneyRunner runner;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        runner = new JourneyRunner(vertx, Fixtures.settings(Fixtures.probing(Duration.ofSeconds(60), 20_000_000)));
        Warmup.run(vertx, runner);
    }

    @AfterEach
    void stop() {
        Await.result(runner.close());
        Await.result(vertx.close());
    }

    @Test
    void aLoginPageWithAHundredThousandHiddenInputsIsRefusedWithoutBlockingTheEventLoop() {
        StringBuilder page = new StringBuilder("<html><body><p>Bienvenue</p><form id=\"login\" method=\"post\">");
        for (int i = 0; i < FIELDS; i++) {
            page.append("<input type=\"hidden\" name=\"f").append(i).append("\" value=\"v\">");
        }
        String html = page.append("</form></body></html>").toString();
        HttpServer server = Await.result(vertx.createHttpServer().requestHandler(req -> req.response()
                .putHeader("Content-Type", "text/html; charset=utf-8").end(html)).listen(0, "127.0.0.1"));

        // The longest the event loop went without running a 5 ms timer while the journey ran.
        AtomicLong last = new AtomicLong(System.nanoTime());
        AtomicLong worstGapNs = new AtomicLong();
        long timer = vertx.setPeriodic(5, id -> {
            long now = System.nanoTime();
            worstGapNs.accumulateAndGet(now - last.getAndSet(now), Math::max);
        });
        var journey = Fixtures.journey(get("login-page", StepKind.LOGIN, "/login", expect(List.of(200), "Bienvenue",
                        "form#login")),
                new Step("login", StepKind.LOGIN, null, null, new Step.SubmitFormAction("form#login",
                        Map.of("username", "x")), false, Map.of(), expect(List.of(302), null, null), Map.of(), false));
        List<StepResult> r = Await.result(runner.run(Fixtures.target("http://127.0.0.1:" + server.actualPort()),
                journey, RoundInfo.now(), x -> { }));
        vertx.cancelTimer(timer);

        assertThat(r).hasSize(2);
        assertThat(r.get(0).outcome()).as(r.get(0).detail()).isEqualTo(Outcome.OK);
        assertThat(r.get(0).ttfbMs()).as("the page's timings are measured").isNotNull();
        assertThat(r.get(1).outcome()).isEqualTo(Outcome.ASSERTION_FAILED);
        assertThat(r.get(1).detail()).contains("100000 form fields", "more than " + RequestFactory.MAX_FORM_FIELDS);
        // Parsing a 4 MB page takes a few hundred ms; before, it and the form data held the loop for 12 s.
        assertThat(Duration.ofNanos(worstGapNs.get())).as("longest event-loop stall")
                .isLessThan(Duration.ofSeconds(2));
    }
}
