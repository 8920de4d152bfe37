package fr.vigie.probes.run;

import fr.vigie.config.Credentials;
import fr.vigie.config.Journey;
import fr.vigie.config.Step;
import fr.vigie.config.Target;
import fr.vigie.probes.Outcome;
import fr.vigie.probes.StepResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Walks a journey for a target, like a parent's browser would: one step after the other, cookies kept for
 * the whole journey, each step ending in exactly one outcome. Steps that need a login are left out when the
 * target has no credentials; after a failed step the rest are reported {@code skipped}; after a
 * {@code login_rejected} the target's logged-in steps pause for {@code probing.loginBackoff}.
 * Thread-safe: each run executes on a Vert.x context of its own.
 */
public final class JourneyRunner {
    private static final Logger LOG = LoggerFactory.getLogger(JourneyRunner.class);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Vertx vertx;
    private final RunnerSettings settings;
    private final ProbeClient client;
    private final StepExecutor executor;
    private final LoginBackoff backoff;

    public JourneyRunner(Vertx vertx, RunnerSettings settings) {
        this(vertx, settings, new RateLimiter(vertx, settings.probing().maxRequestsPerSecond()),
                new LoginBackoff(settings.probing().loginBackoff()));
    }

    public JourneyRunner(Vertx vertx, RunnerSettings settings, RateLimiter rateLimiter, LoginBackoff backoff) {
        this.vertx = vertx;
        this.settings = settings;
        this.backoff = backoff;
        int connectTimeout = (int) settings.probing().connectTimeout().toMillis();
        HostResolver resolver = new HostResolver(vertx, settings.hosts(), settings.probing().dnsServers(),
                connectTimeout);
        this.client = new ProbeClient(vertx, resolver, connectTimeout,
                settings.userAgent(), settings.trust());
        this.executor = new StepExecutor(vertx, rateLimiter,
                new ResponseJudge(settings.signatures()), settings.probing().maxRedirects(),
                settings.probing().stepTimeout().toMillis());
    }

    public LoginBackoff loginBackoff() {
        return backoff;
    }

    /** Runs the journey; each result goes to {@code sink} as soon as its step ends. Never fails. */
    public Future<List<StepResult>> run(Target target, Journey journey, RoundInfo round, Consumer<StepResult> sink) {
        Promise<List<StepResult>> done = Promise.promise();
        Context context = vertx.getOrCreateContext();
        context.runOnContext(v -> {
            Walk walk = new Walk(target, journey, round, sink, done);
            walk.next();
        });
        return done.future();
    }

    /** Closes the HTTP and TCP clients. */
    public Future<Void> close() {
        return client.close();
    }

    private static boolean hasCredentials(Target target) {
        return target.credentials().filter(c -> !isBlank(c)).isPresent();
    }

    private static boolean isBlank(Credentials c) {
        return c.username() == null || c.password() == null || c.username().isEmpty() || c.password().isEmpty();
    }

    /** One run of a journey, step by step. Confined to its context. */
    private final class Walk {
        private final Target target;
        private final Journey journey;
        private final RoundInfo round;
        private final Consumer<StepResult> sink;
        private final Promise<List<StepResult>> done;
        private final Iterator<Step> steps;
        private final JourneyState state;
        private final HttpHop hop;
        private final SecretScrubber scrubber;
        private final List<StepResult> results = new ArrayList<>();
        private String abortReason;

        Walk(Target target, Journey journey, RoundInfo round, Consumer<StepResult> sink,
             Promise<List<StepResult>> done) {
            this.target = target;
            this.journey = journey;
            this.round = round;
            this.sink = sink;
            this.done = done;
            boolean logged = hasCredentials(target);
            this.steps = journey.steps().stream().filter(s -> logged || !s.needsLogin()).toList().iterator();
            this.state = new JourneyState(target);
            this.hop = new HttpHop(client, state, settings.probing().maxBodyBytes());
            this.scrubber = new SecretScrubber(target.credentials());
        }

        void next() {
            if (!steps.hasNext()) {
                done.complete(List.copyOf(results));
                return;
            }
            Step step = steps.next();
            if (abortReason != null) {
                emitSkipped(step, abortReason);
                next();
                return;
            }
            if (step.needsLogin()) {
                var paused = backoff.pausedUntil(target.id());
                if (paused.isPresent()) {
                    emitSkipped(step, "compte en pause jusqu'à " + HOUR.format(paused.get())
                            + " après un refus d'identifiants");
                    next();
                    return;
                }
            }
            Instant ts = Instant.now();
            executor.execute(step, state, hop).onComplete(ar -> {
                StepExecutor.Outcomes o = ar.succeeded() ? ar.result() : internalError(step, ar.cause());
                Verdict v = o.verdict();
                HopTimings t = o.firstHop();
                emit(new StepResult(ts, round.scheduled(), target.id(), settings.vantage(), journey.name(),
                        round.runId(), step.name(), step.kind(), v.outcome(), o.status(), v.signature(),
                        t.dnsMs, t.connectMs, t.tlsMs, t.ttfbMs, o.totalMs(), o.bytes(), round.maintenance(),
                        v.queuePosition(), v.queueWaitS(), scrubber.scrub(v.detail())));
                if (v.outcome() == Outcome.OK && step.needsLogin()) {
                    backoff.accepted(target.id());
                }
                if (v.outcome() == Outcome.LOGIN_REJECTED) {
                    Instant until = backoff.pause(target.id());
                    LOG.warn("target={} login rejected: logged-in steps paused until {}", target.id(), until);
                }
                if (v.outcome() != Outcome.OK) {
                    abortReason = "journey stopped after " + step.name() + " (" + v.outcome().wire() + ")";
                }
                next();
            });
        }

        /** Vigie's own failure: its own outcome (never evidence about the platform), and an error for the operator. */
        private StepExecutor.Outcomes internalError(Step step, Throwable cause) {
            LOG.error("target={} step={} internal error of the prober (not evidence about the platform)",
                    target.id(), step.name(), cause);
            return new StepExecutor.Outcomes(Verdict.of(Outcome.INTERNAL_ERROR,
                    "internal error: " + cause.getClass().getSimpleName()), null, new HopTimings(), 0.0, 0);
        }

        private void emitSkipped(Step step, String why) {
            emit(new StepResult(Instant.now(), round.scheduled(), target.id(), settings.vantage(), journey.name(),
                    round.runId(), step.name(), step.kind(), Outcome.SKIPPED, null, null, null, null, null, null,
                    null, 0, round.maintenance(), null, null, why));
        }

        private void emit(StepResult r) {
            results.add(r);
            if (r.outcome() == Outcome.OK) {
                LOG.debug("target={} step={} outcome=ok status={} total_ms={}", r.target(), r.step(), r.status(),
                        r.totalMs());
            } else {
                LOG.info("target={} step={} outcome={} status={} signature={} detail={}", r.target(), r.step(),
                        r.outcome().wire(), r.status(), r.signature(), r.detail());
            }
            try {
                sink.accept(r);
            } catch (RuntimeException e) {
                LOG.error("target={} result sink failed: {}", r.target(), e.toString());
            }
        }
    }
}
