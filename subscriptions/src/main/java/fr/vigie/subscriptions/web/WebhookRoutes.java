package fr.vigie.subscriptions.web;

import fr.vigie.alerts.delivery.WebhookSigner;
import fr.vigie.config.Secret;
import fr.vigie.config.SubscriptionsConfig;
import fr.vigie.subscriptions.SubscriptionSections;
import fr.vigie.subscriptions.Topic;
import fr.vigie.subscriptions.token.Tokens;
import fr.vigie.subscriptions.webhook.CallbackPolicy;
import fr.vigie.subscriptions.webhook.Webhook;
import fr.vigie.subscriptions.webhook.WebhookDelivery;
import fr.vigie.subscriptions.webhook.WebhookStore;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Webhook subscriptions of other services, JSON answers:
 * {@code POST <path>/webhooks} (JSON {@code {"callback", "topics"}} or a form with {@code callback} and repeated
 * {@code topics}) registers a callback and answers {@code 202} with the subscription id, its signing secret (given
 * this once, never again) and its management token; the callback must then echo a challenge
 * ({@link WebhookDelivery}). {@code GET <path>/webhooks/<id>} tells its state (and why it ended),
 * {@code DELETE <path>/webhooks/<id>} unsubscribes, both with {@code Authorization: Bearer <management token>}.
 *
 * <p>No Origin check: a forged cross-site registration cannot read the answer (no CORS), and a callback that did
 * not ask for it never echoes the challenge, so it receives nothing.
 */
final class WebhookRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookRoutes.class);
    /** management tokens are long-lived (machines); 410 Gone to a delivery also ends a subscription */
    static final Duration TOKEN_TTL = Duration.ofDays(5 * 365);

    private final SubscriptionSections config;
    private final SubscriptionsConfig.Webhooks settings;
    private final WebhookStore store;
    private final WebhookDelivery delivery;
    private final CallbackPolicy policy;
    private final Tokens tokens;
    private final Clock clock;
    private final RateLimits perClient;
    private final String base;

    WebhookRoutes(SubscriptionSections config, WebhookStore store, WebhookDelivery delivery, CallbackPolicy policy,
                  Tokens tokens, Clock clock) {
        this.config = config;
        SubscriptionsConfig s = config.subscriptionSettings().orElseThrow();
        this.settings = s.webhooks();
        this.store = store;
        this.delivery = delivery;
        this.policy = policy;
        this.tokens = tokens;
        this.clock = clock;
        this.perClient = new RateLimits(settings.perClientPerHour(), Duration.ofHours(1), clock);
        this.base = s.publicUrl().endsWith("/") ? s.publicUrl().substring(0, s.publicUrl().length() - 1)
                : s.publicUrl();
    }

    void mount(Router router, String path) {
        router.post(path + "/webhooks").blockingHandler(this::register, false);
        router.get(path + "/webhooks/:id").blockingHandler(this::status, false);
        router.delete(path + "/webhooks/:id").blockingHandler(this::unsubscribe, false);
    }

    private void register(RoutingContext ctx) {
        String client = SubscriptionEndpoint.client(ctx);
        if (!perClient.allow(client)) {
            long retry = perClient.retryAfterSeconds(client);
            ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(retry));
            error(ctx, 429, "too_many_requests", "Trop de demandes d'abonnement webhook sont venues de votre "
                    + "connexion. Réessayez dans " + Math.max(1, retry / 60) + " minute(s).");
            return;
        }
        String callback;
        List<String> posted;
        String type = Optional.ofNullable(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE)).orElse("");
        if (type.startsWith("application/json")) {
            JsonObject json;
            try {
                json = ctx.body().asJsonObject();
            } catch (DecodeException | ClassCastException e) {
                json = null;
            }
            if (json == null) {
                error(ctx, 400, "bad_request", "Le corps de la demande n'est pas un objet JSON.");
                return;
            }
            callback = json.getValue("callback") instanceof String c ? c : null;
            posted = new ArrayList<>();
            if (json.getValue("topics") instanceof JsonArray topics) {
                topics.forEach(t -> posted.add(t instanceof String s ? s : "?"));
            }
        } else {
            MultiMap form = ctx.request().formAttributes();
            callback = form.get("callback");
            posted = form.getAll("topics");
        }
        List<String> topics = topics(posted);
        if (topics == null || topics.isEmpty()) {
            error(ctx, 400, "bad_topics", "Indiquez dans « topics » au moins un choix suivi : « tout », "
                    + "« service:<id> », « region:<nom> » ou « academie:<nom> » (50 au plus).");
            return;
        }
        CallbackPolicy.Verdict verdict = policy.check(callback);
        if (!verdict.accepted()) {
            LOG.info("webhook registration refused: callback not allowed");
            error(ctx, 400, "callback_refused", verdict.refusal());
            return;
        }
        Instant now = clock.instant();
        store.purgeEnded(now.minus(WebhookStore.KEEP_ENDED));
        if (store.count() >= settings.maxSubscriptions()) {
            error(ctx, 503, "full", "Le nombre maximal d'abonnements webhook est atteint. Réessayez plus tard.");
            return;
        }
        Secret secret = WebhookSigner.generate("webhook secret");
        Instant verifyBy = now.plus(settings.verificationTtl());
        Webhook w = store.register(verdict.uri().toString(), topics, secret, now, verifyBy);
        delivery.verifyLater(w.id(), Duration.ZERO);
        LOG.info("webhook {} registered ({} topic(s)), verification under way", w.id(), topics.size());
        JsonObject answer = new JsonObject()
                .put("id", w.id())
                .put("state", w.state().wire())
                .put("secret", secret.reveal())
                .put("token", tokens.issue(Tokens.Action.WEBHOOK, w.id(), now.plus(TOKEN_TTL)))
                .put("status", base + "/webhooks/" + w.id())
                .put("topics", new JsonArray(topics))
                .put("verifyBy", verifyBy.toString())
                .put("message", "Abonnement enregistré, en attente de vérification : l'adresse de rappel va "
                        + "recevoir une requête GET avec hub.challenge, à renvoyer tel quel dans le corps d'une "
                        + "réponse 200. Conservez le secret : il ne sera plus jamais affiché.");
        json(ctx, 202, answer);
    }

    private void status(RoutingContext ctx) {
        Optional<Webhook> w = authorised(ctx);
        if (w.isEmpty()) {
            return;
        }
        Webhook h = w.get();
        json(ctx, 200, new JsonObject()
                .put("id", h.id())
                .put("state", h.state().wire())
                .put("callback", h.callback())
                .put("topics", new JsonArray(h.topics()))
                .put("createdAt", h.createdAt().toString())
                .put("verifiedAt", h.verifiedAt() == null ? null : h.verifiedAt().toString())
                .put("failingSince", h.failingSince() == null ? null : h.failingSince().toString())
                .put("reason", h.reason()));
    }

    private void unsubscribe(RoutingContext ctx) {
        Optional<Webhook> w = authorised(ctx);
        if (w.isEmpty()) {
            return;
        }
        store.delete(w.get().id());
        delivery.forget(w.get().id());
        LOG.info("webhook {} deleted by its owner", w.get().id());
        ctx.response().setStatusCode(204).putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end();
    }

    /** The subscription the bearer token manages; answers 401/404 itself otherwise. */
    private Optional<Webhook> authorised(RoutingContext ctx) {
        String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        String token = header != null && header.startsWith("Bearer ") ? header.substring(7).trim() : null;
        String id = ctx.pathParam("id");
        Optional<String> named = tokens.verify(Tokens.Action.WEBHOOK, token);
        if (named.isEmpty() || !named.get().equals(id)) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            error(ctx, 401, "unauthorized", "Jeton de gestion absent, expiré ou d'un autre abonnement.");
            return Optional.empty();
        }
        Optional<Webhook> w = store.byId(id);
        if (w.isEmpty()) {
            error(ctx, 404, "not_found", "Cet abonnement webhook n'existe plus.");
        }
        return w;
    }

    private List<String> topics(List<String> posted) {
        if (posted.size() > SubscriptionEndpoint.MAX_TOPICS) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        for (String wire : posted) {
            Optional<Topic> topic = Topic.parse(wire, config.targets());
            if (topic.isEmpty()) {
                return null;
            }
            out.add(topic.get().wire());
        }
        return out.contains(Topic.ALL.wire()) ? List.of(Topic.ALL.wire()) : new ArrayList<>(out);
    }

    private static void error(RoutingContext ctx, int status, String code, String message) {
        json(ctx, status, new JsonObject().put("error", code).put("message", message));
    }

    private static void json(RoutingContext ctx, int status, JsonObject body) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader("X-Content-Type-Options", "nosniff")
                .end(body.encodePrettily());
    }
}
