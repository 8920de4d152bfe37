package fr.vigie.subscriptions;

import fr.vigie.aggregator.AggregatorListener;
import fr.vigie.alerts.outbox.Outbox;
import fr.vigie.config.SubscriptionsConfig;
import fr.vigie.config.VigieConfig;
import fr.vigie.subscriptions.mail.SmtpSender;
import fr.vigie.subscriptions.mail.SubscriberMailer;
import fr.vigie.subscriptions.store.SubscriptionStore;
import fr.vigie.subscriptions.token.KeyFile;
import fr.vigie.subscriptions.token.Tokens;
import fr.vigie.subscriptions.web.SubscriptionEndpoint;
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
    private final HttpServer server;

    private SubscriptionService(SubscriptionStore store, Outbox outbox, SubscriberMailer mailer, HttpServer server) {
        this.store = store;
        this.outbox = outbox;
        this.mailer = mailer;
        this.server = server;
    }

    /** Opens the files, starts the mailer and listens on {@code subscriptions.listen} (port 0: a free one). */
    public static Future<SubscriptionService> start(Vertx vertx, VigieConfig config, Path dataFolder, Clock clock) {
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
            return new Object[] {store, outbox, mailer, new SubscriptionEndpoint(config, store, mailer, tokens, clock)};
        }).compose(parts -> {
            String[] hostPort = settings.listen().split(":(?=[^:]*$)");
            String host = hostPort[0].startsWith("[") ? hostPort[0].substring(1, hostPort[0].length() - 1) : hostPort[0];
            return ((SubscriptionEndpoint) parts[3]).listen(vertx, host, Integer.parseInt(hostPort[1]))
                    .map(server -> {
                        LOG.info("subscription endpoint listening on {}:{}", host, server.actualPort());
                        return new SubscriptionService((SubscriptionStore) parts[0], (Outbox) parts[1],
                                (SubscriberMailer) parts[2], server);
                    })
                    .onFailure(e -> {
                        ((SubscriberMailer) parts[2]).close();
                        ((Outbox) parts[1]).close();
                        ((SubscriptionStore) parts[0]).close();
                    });
        });
    }

    /** Register this with the aggregator: public incident events become subscriber notifications. */
    public AggregatorListener listener() {
        return mailer;
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
        outbox.close();
        store.close();
    }
}
