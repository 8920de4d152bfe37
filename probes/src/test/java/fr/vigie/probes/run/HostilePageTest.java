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

        // CPU time, not wall time: a loaded machine stretches wall clocks but not the work each thread does. The
        // event loop's only thread and the worker threads, measured around the journey.
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        org.junit.jupiter.api.Assumptions.assumeTrue(mx.isThreadCpuTimeSupported(), "thread CPU time not supported");
        mx.setThreadCpuTimeEnabled(true);
        long loopThread = Await.result(vertx.executeBlocking(() -> 0L, false).compose(x -> {
            io.vertx.core.Promise<Long> p = io.vertx.core.Promise.promise();
            vertx.runOnContext(v -> p.complete(Thread.currentThread().getId()));
            return p.future();
        }));
        Map<Long, Long> before = cpuByThread(mx);
        var journey = Fixtures.journey(get("login-page", StepKind.LOGIN, "/login", expect(List.of(200), "Bienvenue",
                        "form#login")),
                new Step("login", StepKind.LOGIN, null, null, new Step.SubmitFormAction("form#login",
                        Map.of("username", "x")), false, Map.of(), expect(List.of(302), null, null), Map.of(), false));
        List<StepResult> r = Await.result(runner.run(Fixtures.target("http://127.0.0.1:" + server.actualPort()),
                journey, RoundInfo.now(), x -> { }));
        Map<Long, Long> after = cpuByThread(mx);
        long loopCpu = after.getOrDefault(loopThread, 0L) - before.getOrDefault(loopThread, 0L);
        long workerCpu = 0;
        for (Map.Entry<Long, Long> e : after.entrySet()) {
            Thread t = threadById(e.getKey());
            if (t != null && t.getName().startsWith("vert.x-worker-thread")) {
                workerCpu += e.getValue() - before.getOrDefault(e.getKey(), 0L);
            }
        }

        assertThat(r).hasSize(2);
        assertThat(r.get(0).outcome()).as(r.get(0).detail()).isEqualTo(Outcome.OK);
        assertThat(r.get(0).ttfbMs()).as("the page's timings are measured").isNotNull();
        assertThat(r.get(1).outcome()).isEqualTo(Outcome.ASSERTION_FAILED);
        assertThat(r.get(1).detail()).contains("100000 form fields", "more than " + RequestFactory.MAX_FORM_FIELDS);
        // Parsing a 4.6 MB page is hundreds of ms of CPU; the loop only moves its bytes. Had the parsing run on the
        // loop (before: 12 s with the form data), its CPU would be there and not on the workers.
        assertThat(workerCpu).as("CPU of the workers (ns), who parse the page").isGreaterThan(4 * loopCpu);
    }

    private static Map<Long, Long> cpuByThread(java.lang.management.ThreadMXBean mx) {
        Map<Long, Long> out = new java.util.HashMap<>();
        for (long id : mx.getAllThreadIds()) {
            long cpu = mx.getThreadCpuTime(id);
            if (cpu >= 0) {
                out.put(id, cpu);
            }
        }
        return out;
    }

    private static Thread threadById(long id) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getId() == id).findFirst().orElse(null);
    }
}
