package fr.vigie.subscriptions.webhook;

import fr.vigie.alerts.delivery.Backoff;
import fr.vigie.alerts.delivery.DeliverySettings;
import fr.vigie.alerts.delivery.HttpAnswer;
import fr.vigie.alerts.delivery.HttpSender;
import fr.vigie.alerts.delivery.HttpVerdicts;
import fr.vigie.alerts.delivery.Redactor;
import fr.vigie.alerts.delivery.SendResult;
import fr.vigie.alerts.delivery.SignedWebhook;
import fr.vigie.alerts.delivery.WebhookSigner;
import fr.vigie.alerts.outbox.Outbox;
import fr.vigie.alerts.outbox.OutboxEntry;
import fr.vigie.config.Secret;
import fr.vigie.config.SubscriptionsConfig;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends to webhook subscribers and verifies their intent, on a small pool of its own ({@code vigie-webhooks-N}).
 *
 * <p>Verification (WebSub's "verification of intent"): a {@code GET} of the callback with {@code hub.mode=subscribe},
 * {@code hub.topic} (the choices) and {@code hub.challenge} (256 random bits, new at each attempt); only a 2xx whose
 * body is the challenge verifies the subscription. Any other answer refuses it; no answer is retried until
 * {@code verification-ttl}, then it expires. A subscription that is not verified receives nothing.
 *
 * <p>Deliveries: each subscription is a lane over the durable outbox (receiver {@code webhook:<id>}), first in
 * first out, one request at a time, signed per Standard Webhooks with the subscription's own secret through the alerts
 * module's {@link SignedWebhook}, retried with the alerts' capped back-off (1 s doubling to 30 s, equal jitter,
 * {@code Retry-After} honoured up to 1 h). The answer is read up to 4 KB; connect 5 s, response 10 s; redirects are
 * not followed. A receiver without a success for {@code disable-after}, or answering {@code 410 Gone}, is disabled
 * and the reason kept; its pending notifications are dropped. Logs name subscription ids, never a secret.
 */
public final class WebhookDelivery implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDelivery.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String USER_AGENT = "Vigie-webhooks/1";

    private final WebhookStore store;
    private final Outbox outbox;
    private final HttpSender http;
    private final SubscriptionsConfig.Webhooks settings;
    private final Clock clock;
    private final Backoff backoff;
    private final ScheduledExecutorService pool;
    /** subscriptions with a run scheduled or in progress: one at a time per subscription keeps its order */
    private final Map<String, Boolean> busy = new ConcurrentHashMap<>();
    private final Map<String, Boolean> again = new ConcurrentHashMap<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();

    public WebhookDelivery(WebhookStore store, Outbox outbox, HttpSender http, SubscriptionsConfig.Webhooks settings,
                           DeliverySettings delivery, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.http = http;
        this.settings = settings;
        this.clock = clock;
        this.backoff = new Backoff(delivery.initialBackoff(), delivery.maxBackoff(),
                () -> ThreadLocalRandom.current().nextDouble());
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "vigie-webhooks-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Resumes after a restart: verifications under way, and what verified subscriptions have pending. Ended
     * subscriptions older than {@code keepEnded} are deleted.
     */
    public void resume(Duration keepEnded) {
        store.purgeEnded(clock.instant().minus(keepEnded));
        store.inState(Webhook.State.PENDING).forEach(w -> verifyLater(w.id(), Duration.ZERO));
        store.inState(Webhook.State.VERIFIED).forEach(w -> kick(w.id()));
    }

    /** Starts (or restarts) the verification of a pending subscription. */
    public void verifyLater(String id, Duration delay) {
        pool.schedule(() -> guarded(() -> verify(id)), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Something was queued for {@code id}: send it unless a run is already on its way. */
    public void kick(String id) {
        again.put(id, true);
        if (busy.putIfAbsent(id, true) == null) {
            pool.execute(() -> guarded(() -> lane(id)));
        }
    }

    private void verify(String id) {
        Optional<Webhook> found = store.byId(id);
        if (found.isEmpty() || found.get().state() != Webhook.State.PENDING) {
            return;
        }
        Webhook w = found.get();
        Instant now = clock.instant();
        if (now.isAfter(w.verifyBy())) {
            store.end(id, Webhook.State.EXPIRED, "L'adresse de rappel n'a pas renvoyé le défi avant l'échéance de "
                    + "vérification.", now);
            LOG.info("webhook {} expired unverified", id);
            return;
        }
        String challenge = random(32);
        String sep = w.callback().contains("?") ? "&" : "?";
        URI uri = URI.create(w.callback() + sep + "hub.mode=subscribe&hub.topic="
                + URLEncoder.encode(String.join(",", w.topics()), StandardCharsets.UTF_8)
                + "&hub.challenge=" + challenge);
        HttpGet get = new HttpGet(uri);
        get.setHeader("User-Agent", USER_AGENT);
        int attempt = failures.merge("verify:" + id, 1, Integer::sum);
        try {
            HttpAnswer answer = http.exchange(get);
            SendResult verdict = HttpVerdicts.of(answer, clock);
            if (verdict instanceof SendResult.Delivered && answer.body().trim().equals(challenge)) {
                failures.remove("verify:" + id);
                if (store.markVerified(id, clock.instant())) {
                    LOG.info("webhook {} verified", id);
                }
                return;
            }
            if (!(verdict instanceof SendResult.Retry)) {
                failures.remove("verify:" + id);
                String why = verdict instanceof SendResult.Delivered
                        ? "L'adresse de rappel a répondu sans renvoyer le défi (hub.challenge) : l'abonnement est refusé."
                        : "L'adresse de rappel a répondu HTTP " + answer.code() + " à la vérification : l'abonnement "
                        + "est refusé.";
                store.end(id, Webhook.State.REFUSED, why, clock.instant());
                LOG.info("webhook {} refused at verification (HTTP {})", id, answer.code());
                return;
            }
            retryVerification(id, attempt, ((SendResult.Retry) verdict).after(), "HTTP " + answer.code());
        } catch (IOException | RuntimeException e) {
            retryVerification(id, attempt, null, redactor(w).describe(e));
        }
    }

    private void retryVerification(String id, int attempt, Duration after, String why) {
        Duration delay = backoff.delay(attempt, after);
        LOG.info("webhook {} verification not answered ({}), again in {} ms", id, why, delay.toMillis());
        verifyLater(id, delay);
    }

    /** Sends the oldest pending notification of one subscription, then the next, until none or a failure. */
    private void lane(String id) {
        Duration next = null;
        try {
            again.remove(id);
            next = sendOne(id);
        } finally {
            if (next == null && again.remove(id) != null) {
                next = Duration.ZERO; // queued while we were finishing
            }
            if (next == null) {
                busy.remove(id);
                if (again.containsKey(id) && busy.putIfAbsent(id, true) == null) {
                    pool.execute(() -> guarded(() -> lane(id)));
                }
            } else {
                pool.schedule(() -> guarded(() -> lane(id)), next.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /** One attempt; the delay before the next run of this lane, or null when it has nothing more to send. */
    private Duration sendOne(String id) {
        String receiver = Webhook.receiver(id);
        Optional<Webhook> found = store.byId(id);
        Instant now = clock.instant();
        if (found.isEmpty() || found.get().state() != Webhook.State.VERIFIED) {
            outbox.dropPending(receiver, "subscription not verified or ended", now);
            return null;
        }
        Optional<OutboxEntry> next = outbox.nextPending(receiver);
        if (next.isEmpty()) {
            return null;
        }
        Webhook w = found.get();
        OutboxEntry entry = next.get();
        Redactor redactor = redactor(w);
        SendResult result;
        try {
            String body = WebhookPayload.body(entry.id(), id, entry.alert());
            HttpPost post = SignedWebhook.post(URI.create(w.callback()), entry.id(), now.getEpochSecond(), body,
                    new WebhookSigner(w.secret()));
            post.setHeader("User-Agent", USER_AGENT);
            result = HttpVerdicts.of(http.exchange(post), clock);
        } catch (IOException | RuntimeException e) {
            result = new SendResult.Retry(redactor.describe(e), null);
        }
        Instant done = clock.instant();
        if (result instanceof SendResult.Delivered) {
            outbox.markDelivered(entry.id(), done);
            store.clearFailing(id);
            failures.remove(id);
            return Duration.ZERO;
        }
        if (result instanceof SendResult.Gone) {
            disable(w, "Le récepteur a répondu 410 Gone : l'abonnement est arrêté.", done);
            return null;
        }
        if (result instanceof SendResult.Rejected r) {
            // this notification cannot be helped by retrying; the next one may be accepted
            outbox.drop(entry.id(), r.reason(), done);
            LOG.info("webhook {}: notification {} rejected ({})", id, entry.id(), r.reason());
            return failing(w, r.reason(), done) ? null : Duration.ZERO;
        }
        SendResult.Retry r = (SendResult.Retry) result;
        outbox.recordFailure(entry.id(), redactor.clean(r.reason()));
        if (failing(w, r.reason(), done)) {
            return null;
        }
        int n = failures.merge(id, 1, Integer::sum);
        Duration delay = backoff.delay(n, r.after());
        LOG.info("webhook {}: delivery failed ({}), retrying in {} ms", id, redactor.clean(r.reason()),
                delay.toMillis());
        return delay;
    }

    /** Counts a failure in the current run; true when the run is now too long and the subscription disabled. */
    private boolean failing(Webhook w, String reason, Instant at) {
        Instant since = store.markFailing(w.id(), at);
        if (Duration.between(since, at).compareTo(settings.disableAfter()) >= 0) {
            disable(w, "Aucune livraison réussie depuis " + since + " (dernière erreur : " + redactor(w).clean(reason)
                    + ") : l'abonnement est désactivé.", at);
            return true;
        }
        return false;
    }

    /** Disables a subscription, keeping why, and gives up what it had pending. */
    public void disable(Webhook w, String reason, Instant at) {
        store.end(w.id(), Webhook.State.DISABLED, reason, at);
        int dropped = outbox.dropPending(w.receiver(), "subscription disabled", at);
        failures.remove(w.id());
        LOG.warn("webhook {} disabled ({} pending notification(s) dropped)", w.id(), dropped);
    }

    /** Gives up what a subscription its owner deleted had pending. */
    public void forget(String id) {
        outbox.dropPending(Webhook.receiver(id), "subscription deleted", clock.instant());
        failures.remove(id);
    }

    private static Redactor redactor(Webhook w) {
        // a callback URL may carry the receiver's own token in its path or query
        return new Redactor(Secret.of("callback", w.callback()));
    }

    static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static void guarded(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.error("webhook delivery: {}", e.toString());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            http.close();
        } catch (IOException e) {
            LOG.warn("while closing the webhook HTTP client: {}", e.toString());
        }
    }
}
