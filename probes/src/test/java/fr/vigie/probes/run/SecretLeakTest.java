package fr.vigie.probes.run;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import fr.vigie.config.Journey;
import fr.vigie.config.Step;
import fr.vigie.config.StepKind;
import fr.vigie.probes.Outcome;
import fr.vigie.probes.StepResult;
import fr.vigie.probes.testing.Await;
import fr.vigie.probes.testing.FakeOpenEntNg;
import fr.vigie.probes.testing.Fixtures;
import fr.vigie.probes.trace.TraceWriter;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static fr.vigie.probes.testing.Fixtures.PASSWORD;
import static fr.vigie.probes.testing.Fixtures.USER;
import static org.assertj.core.api.Assertions.assertThat;

/** The test account's password never reaches a result, a trace line, a log line or an exception text. */
class SecretLeakTest {
    Vertx vertx;
    JourneyRunner runner;
    ListAppender<ILoggingEvent> logs;
    Logger root;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        runner = new JourneyRunner(vertx, Fixtures.settings(Fixtures.probing()));
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void stop() {
        root.detachAppender(logs);
        Await.result(runner.close());
        Await.result(vertx.close());
    }

    /** A hostile server that echoes the posted form back inside failure pages. */
    int echoServer() {
        Router r = Router.router(vertx);
        r.route().handler(BodyHandler.create());
        r.get("/login").handler(ctx -> ctx.response().end(
                "<form id=f method=post action=/login><input name=u><input name=p type=password></form>"));
        r.post("/login").handler(ctx -> ctx.response().setStatusCode(503)
                .end("No space left on device while saving " + ctx.body().asString()
                        + " file d'attente " + ctx.body().asString()));
        r.get("/echo").handler(ctx -> ctx.response().setStatusCode(500).end(ctx.request().uri()));
        HttpServer s = Await.result(vertx.createHttpServer().requestHandler(r).listen(0, "127.0.0.1"));
        return s.actualPort();
    }

    @Test
    void passwordAppearsNowhere() {
        List<StepResult> results = new ArrayList<>();
        FakeOpenEntNg ent = new FakeOpenEntNg(USER, PASSWORD);
        String entUrl = "http://127.0.0.1:" + ent.start(vertx);
        var good = Fixtures.target("ent-ok", entUrl, Fixtures.credentials(USER, PASSWORD), Map.of());
        var wrong = Fixtures.target("ent-ko", entUrl, Fixtures.credentials(USER, PASSWORD + "-old"), Map.of());
        results.addAll(Await.result(runner.run(good, Fixtures.openEntNgWrite(), RoundInfo.now(), x -> { })));
        results.addAll(Await.result(runner.run(wrong, Fixtures.openEntNgWrite(), RoundInfo.now(), x -> { })));

        String echoUrl = "http://127.0.0.1:" + echoServer();
        var echo = Fixtures.target("echo", echoUrl, Fixtures.credentials(USER, PASSWORD), Map.of());
        Journey hostile = new Journey("hostile", "echoes secrets", List.of(
                Fixtures.get("page", StepKind.LOGIN, "/login", Step.Expect.none()),
                new Step("post", StepKind.LOGIN, null, null, new Step.SubmitFormAction("form#f",
                        Map.of("u", "{{credentials.username}}", "p", "{{credentials.password}}")), true, Map.of(),
                        Step.Expect.none(), Map.of(), true)));
        results.addAll(Await.result(runner.run(echo, hostile, RoundInfo.now(), x -> { })));
        Journey inUrl = Fixtures.journey(Fixtures.get("leaky", StepKind.PAGE, "/echo?p={{credentials.password}}",
                Step.Expect.none()));
        results.addAll(Await.result(runner.run(echo, inUrl, RoundInfo.now(), x -> { })));

        // the journeys really exercised the credentials
        assertThat(results).anyMatch(r -> r.step().equals("userinfo") && r.ok());
        assertThat(results).anyMatch(r -> r.outcome() == Outcome.LOGIN_REJECTED);
        assertThat(results).anyMatch(r -> r.step().equals("post") && r.outcome() == Outcome.SIGNATURE);
        assertThat(results).anyMatch(r -> r.step().equals("leaky") && r.outcome() == Outcome.ASSERTION_FAILED
                && r.detail().contains("only allowed in a request body"));

        StringWriter trace = new StringWriter();
        TraceWriter writer = new TraceWriter(trace);
        results.forEach(writer::write);
        assertThat(trace.toString()).isNotBlank().doesNotContain(PASSWORD).doesNotContain(USER);
        assertThat(results).allSatisfy(r -> assertThat(r.toString()).doesNotContain(PASSWORD));
        assertThat(logs.list).isNotEmpty().allSatisfy(e -> {
            assertThat(e.getFormattedMessage()).doesNotContain(PASSWORD);
            if (e.getThrowableProxy() != null) {
                assertThat(ThrowableProxyUtil.asString(e.getThrowableProxy())).doesNotContain(PASSWORD);
            }
        });
        assertThat(Fixtures.credentials(USER, PASSWORD).toString()).doesNotContain(PASSWORD);
    }
}
