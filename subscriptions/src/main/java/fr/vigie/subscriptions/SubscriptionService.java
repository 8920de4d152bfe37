package fr.vigie.subscriptions;

import fr.vigie.aggregator.AggregatorListener;
import fr.vigie.aggregator.Incident;
import fr.vigie.aggregator.IncidentEvent;
import fr.vigie.alerts.delivery.DeliverySettings;
import fr.vigie.alerts.delivery.HttpSender;
import fr.vigie.alerts.outbox.Outbox;
import fr.vigie.config.SubscriptionsConfig;
import fr.vigie.subscriptions.mail.SmtpSender;
import fr.vigie.subscriptions.mail.SubscriberMailer;
import fr.vigie.subscriptions.store.SubscriptionStore;
import fr.vigie.subscriptions.token.KeyFile;
import fr.vigie.subscriptions.token.Tokens;
import fr.vigie.subscriptions.web.SubscriptionEndpoint;
import fr.vigie.subscriptions.webhook.CallbackPolicy;
import fr.vigie.subscriptions.webhook.WebhookDelivery;
import fr.vigie.subscriptions.webhook.WebhookDispatcher;
import fr.vigie.subscriptions.webhook.WebhookStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/**
 * E-mail subscriptions assembled: the store ({@code subscriptions.db}), their outbox
 * ({@code subscriptions-outbox.db}), the mailer thread and the endpoint's listener, all in the data folder. The
 * app registers {@link #listener()} with the aggregator. Started only when the configuration has a
 * {@code subscriptions} section.
 */
public final class SubscriptionService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionService.class);
    private final SubscriptionStore store;
    private final Outbox outbox;
    private final SubscriberMailer mailer;
    private final Webhooks webhooks;
    private final HttpServer server;

    /** The webhook parts, when {@code subscriptions.webhooks} is configured. */
    private record Webhooks(WebhookStore store, Outbox outbox, WebhookDelivery delivery, WebhookDispatcher dispatcher) {
        static Webhooks open(SubscriptionSections config, SubscriptionsConfig.Webhooks settings, Path dataFolder,
                             Clock clock) {
            CallbackPolicy policy = CallbackPolicy.system(settings.allowNetworks());
            WebhookStore store = WebhookStore.open(dataFolder.resolve("webhooks.db"));
            Outbox outbox = Outbox.open(dataFolder.resolve("webhooks-outbox.db"));
            DeliverySettings delivery = DeliverySettings.defaults();
            WebhookDelivery sender = new WebhookDelivery(store, outbox, new HttpSender(delivery, policy.dnsResolver()),
                    settings, delivery, clock);
            return new Webhooks(store, outbox, sender, new WebhookDispatcher(config, store, outbox, sender, clock));
        }

        void close() {
            delivery.close();
            outbox.close();
            store.close();
        }
    }

    private SubscriptionService(SubscriptionStore store, Outbox outbox, SubscriberMailer mailer, Webhooks webhooks,
                                HttpServer server) {
        this.store = store;
        this.outbox = outbox;
        this.mailer = mailer;
        this.webhooks = webhooks;
        this.server = server;
    }

    /** Opens the files, starts the mailer and listens on {@code subscriptions.listen} (port 0: a free one). */
    public static Future<SubscriptionService> start(Vertx vertx, SubscriptionSections config, Path dataFolder,
                                                    Clock clock) {
        SubscriptionsConfig settings = config.subscriptionSettings().orElseThrow(
                () -> new IllegalArgumentException("no subscriptions section"));
        return vertx.executeBlocking(() -> {
            byte[] key = settings.key() != null ? settings.key().reveal().getBytes(StandardCharsets.UTF_8)
                    : KeyFile.loadOrCreate(dataFolder);
            Tokens tokens = new Tokens(key, clock);
            SubscriptionStore store = SubscriptionStore.open(dataFolder.resolve("subscriptions.db"));
            Outbox outbox = Outbox.open(dataFolder.resolve("subscriptions-outbox.db"));
            Links links = new Links(settings.publicUrl(), tokens);
            SubscriberMailer mailer = new SubscriberMailer(config, outbox, store, new SmtpSender(settings), links,
                    clock);
            SubscriptionEndpoint endpoint = new SubscriptionEndpoint(config, store, mailer, tokens, clock);
            Webhooks webhooks = null;
            if (settings.webhooks() != null) {
                webhooks = Webhooks.open(config, settings.webhooks(), dataFolder, clock);
                endpoint.withWebhooks(webhooks.store(), webhooks.delivery(),
                        CallbackPolicy.system(settings.webhooks().allowNetworks()));
                webhooks.delivery().resume(WebhookStore.KEEP_ENDED);
            }
            return new Parts(store, outbox, mailer, webhooks, endpoint);
        }).compose(parts -> {
            String[] hostPort = settings.listen().split(":(?=[^:]*$)");
            String host = hostPort[0].startsWith("[") ? hostPort[0].substring(1, hostPort[0].length() - 1) : hostPort[0];
            return parts.endpoint().listen(vertx, host, Integer.parseInt(hostPort[1]))
                    .map(server -> {
                        LOG.info("subscription endpoint listening on {}:{}{}", host, server.actualPort(),
                                parts.webhooks() == null ? "" : " (webhooks too)");
                        return new SubscriptionService(parts.store(), parts.outbox(), parts.mailer(),
                                parts.webhooks(), server);
                    })
                    .onFailure(e -> {
                        parts.mailer().close();
                        if (parts.webhooks() != null) {
                            parts.webhooks().close();
                        }
                        parts.outbox().close();
                        parts.store().close();
                    });
        });
    }

    private record Parts(SubscriptionStore store, Outbox outbox, SubscriberMailer mailer, Webhooks webhooks,
                         SubscriptionEndpoint endpoint) {
    }

    /** Register this with the aggregator: public incident events become subscriber notifications. */
    public AggregatorListener listener() {
        if (webhooks == null) {
            return mailer;
        }
        return new AggregatorListener() {
            @Override
            public void onIncidentEvent(IncidentEvent event, Incident state) {
                mailer.onIncidentEvent(event, state);
                webhooks.dispatcher().onIncidentEvent(event, state);
            }
        };
    }

    /** The webhook subscriptions' store, when they are configured (tests, diagnostics). */
    public java.util.Optional<WebhookStore> webhookStore() {
        return java.util.Optional.ofNullable(webhooks).map(Webhooks::store);
    }

    /** The webhook deliveries' outbox, when they are configured. */
    public java.util.Optional<Outbox> webhookOutbox() {
        return java.util.Optional.ofNullable(webhooks).map(Webhooks::outbox);
    }

    public int port() {
        return server.actualPort();
    }

    public SubscriptionStore store() {
        return store;
    }

    public Outbox outbox() {
        return outbox;
    }

    /** Stops listening and sending; what is not sent stays in the outbox for the next start. */
    @Override
    public void close() {
        try {
            server.close().toCompletionStage().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("while stopping the subscription endpoint: {}", e.toString());
        }
        mailer.close();
        if (webhooks != null) {
            webhooks.close();
        }
        outbox.close();
        store.close();
    }
}
