package fr.vigie.subscriptions.web;

import fr.vigie.config.SubscriptionsConfig;
import fr.vigie.subscriptions.EmailAddress;
import fr.vigie.subscriptions.SubscriptionSections;
import fr.vigie.subscriptions.Topic;
import fr.vigie.subscriptions.mail.SubscriberMailer;
import fr.vigie.subscriptions.store.Subscription;
import fr.vigie.subscriptions.store.SubscriptionStore;
import fr.vigie.subscriptions.token.Tokens;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The subscription endpoint (Vert.x 5), on a listener of its own: {@code POST <path>/} takes the public form;
 * {@code <path>/confirmer}, {@code <path>/gerer} and {@code <path>/desabonner} take the signed links of the
 * messages. GET never changes anything (mail scanners open links); changes are POSTs carrying the link's token.
 *
 * <p>CSRF: the form is a static page, so it cannot carry a per-visitor secret. A forged submission can only make
 * us send a confirmation message to an address of the forger's choice (double opt-in: nothing is subscribed
 * without the mailbox owner's click), and it is refused anyway when the browser says it comes from another
 * origin ({@code Origin}, or {@code Referer} when there is no {@code Origin}). Every step that changes a
 * subscription is a POST with a signed, expiring, action-bound token that only the mailbox received.
 * The one-click unsubscribe (RFC 8058) is POSTed by mail providers without any Origin: its token suffices.
 *
 * <p>Addresses are never logged; pages never say whether an address is subscribed.
 */
public final class SubscriptionEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionEndpoint.class);
    static final int BODY_LIMIT = 8 * 1024;
    static final int MAX_TOPICS = 50;

    private final SubscriptionSections config;
    private final SubscriptionsConfig settings;
    private final SubscriptionStore store;
    private final SubscriberMailer mailer;
    private final Tokens tokens;
    private final Clock clock;
    private final Pages pages;
    private final String path;
    private final Set<String> origins = new LinkedHashSet<>();
    private final RateLimits perClient;
    private final RateLimits perAddress;
    private WebhookRoutes webhooks;

    public SubscriptionEndpoint(SubscriptionSections config, SubscriptionStore store, SubscriberMailer mailer,
                                Tokens tokens, Clock clock) {
        this.config = config;
        this.settings = config.subscriptionSettings().orElseThrow();
        this.store = store;
        this.mailer = mailer;
        this.tokens = tokens;
        this.clock = clock;
        this.pages = new Pages(config.site().baseUrl(), config.site().title(), config.targets());
        String p = URI.create(settings.publicUrl()).getPath();
        this.path = p == null || p.equals("/") ? "" : (p.endsWith("/") ? p.substring(0, p.length() - 1) : p);
        origins.add(SubscriptionsConfig.origin(config.site().baseUrl()));
        origins.add(SubscriptionsConfig.origin(settings.publicUrl()));
        this.perClient = new RateLimits(settings.perClientPerHour(), Duration.ofHours(1), clock);
        this.perAddress = new RateLimits(settings.perAddressPerDay(), Duration.ofDays(1), clock);
    }

    /** Also takes webhook registrations ({@code subscriptions.webhooks}). */
    public SubscriptionEndpoint withWebhooks(fr.vigie.subscriptions.webhook.WebhookStore store,
                                             fr.vigie.subscriptions.webhook.WebhookDelivery delivery,
                                             fr.vigie.subscriptions.webhook.CallbackPolicy policy) {
        this.webhooks = new WebhookRoutes(config, store, delivery, policy, tokens, clock);
        return this;
    }

    public Future<HttpServer> listen(Vertx vertx, String host, int port) {
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create().setBodyLimit(BODY_LIMIT).setHandleFileUploads(false));
        router.post(path + "/").blockingHandler(this::subscribe, false);
        router.get(path + "/confirmer").handler(ctx -> buttonPage(ctx, Tokens.Action.CONFIRM,
                "Confirmer mon abonnement", "Une dernière étape : confirmez que vous voulez recevoir ces alertes.",
                path + "/confirmer", "Confirmer"));
        router.post(path + "/confirmer").blockingHandler(this::confirm, false);
        router.get(path + "/gerer").blockingHandler(this::managePage, false);
        router.post(path + "/gerer").blockingHandler(this::manage, false);
        router.get(path + "/desabonner").handler(ctx -> buttonPage(ctx, Tokens.Action.UNSUBSCRIBE,
                "Me désabonner", "Votre adresse et vos choix seront effacés.", path + "/desabonner", "Me désabonner"));
        router.post(path + "/desabonner").blockingHandler(this::unsubscribe, false);
        if (webhooks != null) {
            webhooks.mount(router, path);
        }
        router.route().last().handler(ctx -> html(ctx, 404, pages.message("Page introuvable",
                "Cette adresse ne correspond à aucune page.")));
        router.route().failureHandler(ctx -> {
            int status = ctx.statusCode() == 413 ? 413 : 500;
            if (status == 500) {
                LOG.error("subscription endpoint: {}", ctx.failure() == null ? "failure" : ctx.failure().toString());
            }
            html(ctx, status, pages.message(status == 413 ? "Demande trop grande" : "Erreur",
                    status == 413 ? "La demande envoyée est trop grande."
                            : "Le service d'abonnement a rencontré une erreur. Réessayez plus tard."));
        });
        HttpServerOptions options = new HttpServerOptions().setIdleTimeout(30).setMaxFormAttributeSize(BODY_LIMIT)
                .setMaxInitialLineLength(2048).setMaxHeaderSize(8192);
        return vertx.createHttpServer(options).requestHandler(router).listen(port, host);
    }

    private void subscribe(RoutingContext ctx) {
        if (!sameOrigin(ctx)) {
            html(ctx, 403, pages.message("Demande refusée", "Cette demande ne vient pas du formulaire de "
                    + config.site().title() + ". Abonnez-vous depuis la page d'abonnement du site."));
            return;
        }
        String client = client(ctx);
        if (!perClient.allow(client)) {
            tooMany(ctx, perClient.retryAfterSeconds(client));
            return;
        }
        MultiMap form = ctx.request().formAttributes();
        String problem = EmailAddress.problem(form.get("adresse"));
        if (problem != null) {
            html(ctx, 400, pages.message("Adresse refusée", problem));
            return;
        }
        List<String> topics = topics(form.getAll("choix"));
        if (topics == null) {
            html(ctx, 400, pages.message("Choix refusé", "Un des choix envoyés ne correspond à aucun service, "
                    + "région ou académie suivis. Revenez au formulaire et cochez vos choix."));
            return;
        }
        if (topics.isEmpty()) {
            html(ctx, 400, pages.message("Choix manquant", "Cochez au moins un service, une région, une académie "
                    + "ou « tous les services »."));
            return;
        }
        String email = EmailAddress.normalise(form.get("adresse")).orElseThrow();
        String answer = "Si l'adresse indiquée peut recevoir des messages, un courriel vient d'y être envoyé. "
                + "Ouvrez le lien qu'il contient pour confirmer : rien ne vous sera envoyé d'autre sans cette "
                + "confirmation.";
        if (!perAddress.allow(email)) {
            // the same answer as a success: whether an address is known is nobody's business
            html(ctx, 200, pages.message("Vérifiez votre messagerie", answer));
            return;
        }
        Instant now = clock.instant();
        store.purgePending(now.minus(settings.confirmationTtl()));
        Subscription subscription = store.request(email, topics, now);
        mailer.requestConfirmation(subscription, now);
        LOG.info("subscription request {} ({} topic(s))", subscription.id(), topics.size());
        html(ctx, 200, pages.message("Vérifiez votre messagerie", answer));
    }

    /** The posted choices as wire forms, each once; null when one names nothing watched. */
    private List<String> topics(List<String> posted) {
        Set<String> out = new LinkedHashSet<>();
        if (posted.size() > MAX_TOPICS) {
            return null;
        }
        for (String wire : posted) {
            Optional<Topic> topic = Topic.parse(wire, config.targets());
            if (topic.isEmpty()) {
                return null;
            }
            out.add(topic.get().wire());
        }
        // "everything" covers the rest
        return out.contains(Topic.ALL.wire()) ? List.of(Topic.ALL.wire()) : new ArrayList<>(out);
    }

    private void buttonPage(RoutingContext ctx, Tokens.Action action, String title, String text, String target,
                            String label) {
        String token = ctx.request().getParam("jeton");
        if (tokens.verify(action, token).isEmpty()) {
            badLink(ctx);
            return;
        }
        html(ctx, 200, pages.button(title, text, target, token, label));
    }

    private void confirm(RoutingContext ctx) {
        if (!notCrossSite(ctx)) {
            html(ctx, 403, pages.message("Demande refusée", "Cette demande vient d'un autre site."));
            return;
        }
        Optional<String> id = tokens.verify(Tokens.Action.CONFIRM, ctx.request().formAttributes().get("jeton"));
        if (id.isEmpty() || !store.confirm(id.get(), clock.instant())) {
            badLink(ctx);
            return;
        }
        LOG.info("subscription {} confirmed", id.get());
        String manage = path + "/gerer?jeton=" + tokens.issue(Tokens.Action.MANAGE, id.get(),
                clock.instant().plus(Duration.ofHours(1)));
        html(ctx, 200, pages.page("Abonnement confirmé", "<p>C'est fait : vous recevrez un courriel quand un "
                + "service que vous suivez est perturbé et quand il est rétabli.</p><p>Chaque message contient un "
                + "lien pour modifier vos choix ou vous désabonner. <a href=\""
                + fr.vigie.subscriptions.mail.SubscriberTexts.esc(manage) + "\">Gérer mon abonnement</a></p>"));
    }

    private void managePage(RoutingContext ctx) {
        String token = ctx.request().getParam("jeton");
        Optional<Subscription> s = tokens.verify(Tokens.Action.MANAGE, token).flatMap(store::byId);
        if (s.isEmpty()) {
            badLink(ctx);
            return;
        }
        html(ctx, 200, pages.manage(path + "/gerer", token, s.get().topics(), null));
    }

    private void manage(RoutingContext ctx) {
        if (!notCrossSite(ctx)) {
            html(ctx, 403, pages.message("Demande refusée", "Cette demande vient d'un autre site."));
            return;
        }
        MultiMap form = ctx.request().formAttributes();
        String token = form.get("jeton");
        Optional<String> id = tokens.verify(Tokens.Action.MANAGE, token);
        if (id.isEmpty() || store.byId(id.get()).isEmpty()) {
            badLink(ctx);
            return;
        }
        if ("supprimer".equals(form.get("action"))) {
            store.delete(id.get());
            LOG.info("subscription {} deleted by its owner", id.get());
            html(ctx, 200, pages.message("Désabonnement fait", "Votre adresse et vos choix sont effacés. "
                    + "Vous ne recevrez plus de message."));
            return;
        }
        List<String> topics = topics(form.getAll("choix"));
        if (topics == null || topics.isEmpty()) {
            html(ctx, 400, pages.manage(path + "/gerer", token, store.byId(id.get()).get().topics(),
                    "Cochez au moins un choix, ou utilisez « Me désabonner »."));
            return;
        }
        store.changeTopics(id.get(), topics);
        html(ctx, 200, pages.manage(path + "/gerer", token, topics, "Vos choix sont enregistrés."));
    }

    private void unsubscribe(RoutingContext ctx) {
        // RFC 8058: the token is in the URL and the body is "List-Unsubscribe=One-Click"; a browser posts the
        // page's form with the token in the body.
        String token = Optional.ofNullable(ctx.request().formAttributes().get("jeton"))
                .orElse(ctx.request().getParam("jeton"));
        Optional<String> id = tokens.verify(Tokens.Action.UNSUBSCRIBE, token);
        if (id.isEmpty()) {
            badLink(ctx);
            return;
        }
        boolean deleted = store.delete(id.get());
        if (deleted) {
            LOG.info("subscription {} deleted (unsubscribe link)", id.get());
        }
        html(ctx, 200, pages.message("Désabonnement fait", "Votre adresse et vos choix sont effacés. "
                + "Vous ne recevrez plus de message."));
    }

    private void badLink(RoutingContext ctx) {
        html(ctx, 400, pages.message("Lien non valable", "Ce lien est incomplet, a expiré ou a déjà servi. "
                + "Pour vous abonner de nouveau, utilisez le formulaire du site ; pour gérer un abonnement, "
                + "utilisez le lien du dernier message reçu."));
    }

    private void tooMany(RoutingContext ctx, long retryAfter) {
        ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        html(ctx, 429, pages.message("Trop de demandes", "Trop de demandes d'abonnement sont venues de votre "
                + "connexion. Réessayez dans " + Math.max(1, retryAfter / 60) + " minute(s)."));
    }

    /** The form's origin: Origin when the browser sends it, else Referer; neither is refused. */
    private boolean sameOrigin(RoutingContext ctx) {
        String origin = ctx.request().getHeader(HttpHeaders.ORIGIN);
        if (origin != null) {
            return origins.contains(origin);
        }
        String referer = ctx.request().getHeader(HttpHeaders.REFERER);
        return referer != null && origins.stream().anyMatch(o -> referer.startsWith(o + "/"));
    }

    /** For token-bearing forms: an Origin, when sent, must be ours. */
    private boolean notCrossSite(RoutingContext ctx) {
        String origin = ctx.request().getHeader(HttpHeaders.ORIGIN);
        return origin == null || origins.contains(origin);
    }

    /**
     * The client's address for the rate limit: the peer, or behind a reverse proxy on this machine the last
     * X-Forwarded-For entry it added (a client cannot forge that one).
     */
    static String client(RoutingContext ctx) {
        String peer = ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().hostAddress();
        String forwarded = ctx.request().getHeader("X-Forwarded-For");
        if (forwarded != null && fr.vigie.config.Addresses.isLoopback(peer)) {
            String[] hops = forwarded.split(",");
            return hops[hops.length - 1].trim();
        }
        return peer;
    }

    private void html(RoutingContext ctx, int status, String page) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                // tokens sit in URLs: never hand them to another site in a Referer
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Content-Security-Policy", "default-src 'none'; style-src "
                        + SubscriptionsConfig.origin(config.site().baseUrl()) + "; form-action 'self'; "
                        + "frame-ancestors 'none'; base-uri 'none'")
                .end(page);
    }
}
