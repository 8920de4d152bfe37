package fr.vigie.probes.run;

import fr.vigie.config.Step;
import fr.vigie.config.StepKind;
import fr.vigie.probes.Outcome;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs one step: builds its request, sends it (following redirects by hand up to the cap), judges the
 * final response, and reports timings of the first hop (DNS, connect, TLS, TTFB) with the total and the
 * bytes of all hops.
 */
final class StepExecutor {
    /** What a step produced, before it becomes a {@link fr.vigie.probes.StepResult}. */
    record Outcomes(Verdict verdict, Integer status, HopTimings firstHop, double totalMs, long bytes) {
    }

    /** Bodies up to this size are judged on the event loop (see {@link #judgedInPlace}). */
    static final int JUDGED_IN_PLACE_BYTES = 8 * 1024;

    private final Vertx vertx;
    private final RateLimiter rateLimiter;
    private final ResponseJudge judge;
    private final int maxRedirects;
    private final long stepTimeoutMs;

    StepExecutor(Vertx vertx, RateLimiter rateLimiter, ResponseJudge judge, int maxRedirects,
                 long stepTimeoutMs) {
        this.vertx = vertx;
        this.rateLimiter = rateLimiter;
        this.judge = judge;
        this.maxRedirects = maxRedirects;
        this.stepTimeoutMs = stepTimeoutMs;
    }

    /** Never fails: every problem becomes an outcome. */
    Future<Outcomes> execute(Step step, JourneyState state, HttpHop hop) {
        Future<PreparedRequest> first = RequestFactory.parsesAPage(step)
                // parsing a page and building its form is CPU work: off the event loop (unordered: any worker)
                ? vertx.executeBlocking(() -> RequestFactory.build(step, state), false)
                : buildHere(step, state);
        return first.transform(ar -> {
            if (ar.succeeded()) {
                return rateLimiter.acquire().compose(v -> run(step, state, hop, ar.result()));
            }
            return Future.succeededFuture(invalidStep(ar.cause()));
        });
    }

    private static Future<PreparedRequest> buildHere(Step step, JourneyState state) {
        try {
            return Future.succeededFuture(RequestFactory.build(step, state));
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    private static Outcomes invalidStep(Throwable e) {
        if (e instanceof StepFailure f) {
            return new Outcomes(Verdict.of(f.outcome(), f.getMessage()), null, new HopTimings(), 0.0, 0);
        }
        // a journey written wrong (bad CSS selector, bad URL...) is a probe problem, never a crash
        return new Outcomes(Verdict.of(Outcome.ASSERTION_FAILED,
                "invalid step: " + e.getClass().getSimpleName() + ": " + e.getMessage()), null,
                new HopTimings(), 0.0, 0);
    }

    private Future<Outcomes> run(Step step, JourneyState state, HttpHop hop, PreparedRequest first) {
        long start = System.nanoTime();
        StepDeadline deadline = new StepDeadline(vertx, stepTimeoutMs);
        HopTimings firstHop = new HopTimings();
        long[] bytes = {0};
        HopTimings[] current = {firstHop};
        Integer[] lastStatus = {null};
        return follow(step, state, hop, first, 0, firstHop, current, deadline, bytes, lastStatus)
                .compose(response -> {
                    // timed when the response is complete, before any parsing
                    double totalMs = Millis.since(start);
                    if (judgedInPlace(step, response)) {
                        return Future.succeededFuture(judge(step, state, response, firstHop, totalMs, bytes[0]));
                    }
                    return vertx.executeBlocking(() -> judge(step, state, response, firstHop, totalMs, bytes[0]),
                            false);
                })
                .recover(error -> {
                    StepFailure f = FailureClassifier.classify(error, current[0].phase, deadline.expired(),
                            stepTimeoutMs);
                    HopTimings failed = current[0];
                    Integer status = failed.status != null ? failed.status : lastStatus[0];
                    return Future.succeededFuture(new Outcomes(Verdict.of(f.outcome(), f.getMessage()),
                            status, firstHop, Millis.since(start), bytes[0] + failed.bodyBytes));
                })
                .onComplete(ar -> deadline.cancel());
    }

    /**
     * A small body whose step needs no HTML document is judged on the event loop: decoding a few KB and looking
     * for the signatures' literals takes microseconds, less than handing the work to a worker thread and back (a
     * profile of the simple check at 500/s: the hop was a fifth of its CPU). Anything larger, or needing a
     * document (selectors), is judged on a worker, as a page may be large or hostile.
     */
    private static boolean judgedInPlace(Step step, HttpHop.Response response) {
        Step.Expect e = step.expect() == null ? Step.Expect.none() : step.expect();
        if (response.body().length() > JUDGED_IN_PLACE_BYTES) {
            // a stylesheet or script checked by its status only: the body is never decoded, let alone parsed
            return !ResponseJudge.mayBeFailurePage(response.headers().get("Content-Type")) && e.text() == null
                    && e.notText() == null && e.selector() == null && e.jsonPointer().isEmpty()
                    && e.loginRejectedText() == null && step.extract().isEmpty();
        }
        return e.selector() == null && step.extract().values().stream().allMatch(x -> x.css() == null);
    }

    /** Decodes, parses (HTML, JSON) and judges the response. */
    private Outcomes judge(Step step, JourneyState state, HttpHop.Response response, HopTimings firstHop,
                           double totalMs, long bytes) {
        try {
            return judgeOrThrow(step, state, response, firstHop, totalMs, bytes);
        } catch (RuntimeException e) {
            // our own failure on a received answer: never to be read as a transport failure of the platform
            return new Outcomes(Verdict.of(Outcome.INTERNAL_ERROR, "judging the response failed: "
                    + e.getClass().getSimpleName()), response.status(), firstHop, totalMs, bytes);
        }
    }

    private Outcomes judgeOrThrow(Step step, JourneyState state, HttpHop.Response response, HopTimings firstHop,
                                  double totalMs, long bytes) {
        // Forms are picked from the last HTML page: a static asset or JSON step in between does not count.
        String type = response.headers().get("Content-Type");
        PageBody body = BodyDecoder.decode(type, response.body(), response.url());
        boolean page = type == null ? step.kind() != StepKind.STATIC : type.toLowerCase().contains("html");
        if (page) {
            state.lastPage(new JourneyState.Page(response.url(), body));
        }
        Map<String, String> extracted = new HashMap<>();
        Verdict verdict;
        try {
            verdict = judge.judge(step, response.status(), type, body, extracted);
        } catch (RuntimeException e) {
            verdict = Verdict.of(Outcome.ASSERTION_FAILED,
                    "invalid expectation: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        state.extracted().putAll(extracted);
        return new Outcomes(verdict, response.status(), firstHop, totalMs, bytes);
    }

    private Future<HttpHop.Response> follow(Step step, JourneyState state, HttpHop hop, PreparedRequest request, int redirects,
                                            HopTimings timings, HopTimings[] current, StepDeadline deadline,
                                            long[] bytes, Integer[] lastStatus) {
        current[0] = timings;
        Future<Void> token = redirects == 0 ? Future.succeededFuture() : rateLimiter.acquire();
        return token.compose(v -> hop.execute(request, timings, deadline)).compose(response -> {
            bytes[0] += response.bytes();
            lastStatus[0] = response.status();
            String location = response.headers().get("Location");
            if (!step.followRedirects() || !isRedirect(response.status()) || location == null) {
                return Future.succeededFuture(response);
            }
            if (redirects >= maxRedirects) {
                return Future.failedFuture(new StepFailure(Outcome.REDIRECT_LOOP,
                        "more than " + maxRedirects + " redirects (last to " + shorten(location) + ")"));
            }
            URI next;
            try {
                next = response.url().resolve(location.trim());
            } catch (IllegalArgumentException e) {
                return Future.failedFuture(new StepFailure(Outcome.HTTP_ERROR, "unusable Location header"));
            }
            if (next.getHost() == null) {
                return Future.failedFuture(new StepFailure(Outcome.HTTP_ERROR, "unusable Location header"));
            }
            return follow(step, state, hop, request.redirectTo(next, response.status()), redirects + 1, new HopTimings(),
                    current, deadline, bytes, lastStatus);
        });
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

}
