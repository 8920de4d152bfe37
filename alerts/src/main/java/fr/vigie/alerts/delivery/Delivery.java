package fr.vigie.alerts.delivery;

import fr.vigie.alerts.content.FrenchText;
import fr.vigie.alerts.outbox.Outbox;
import fr.vigie.config.AlertsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Every receiver's channel, built from the configuration; {@link #wake} after writing to the outbox. */
public final class Delivery implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);

    private final Outbox outbox;
    private final HttpSender http;
    private final Map<String, ReceiverChannel> channels = new LinkedHashMap<>();

    public Delivery(AlertsConfig config, Outbox outbox, FrenchText text, DeliverySettings settings, Clock clock,
                    InternalAlarm alarm) {
        this(config, outbox, text, settings, clock, alarm, DeliveryClaims.ALONE);
    }

    /** @param claims who may send and what another controller already sent (docs/cluster.md) */
    public Delivery(AlertsConfig config, Outbox outbox, FrenchText text, DeliverySettings settings, Clock clock,
                    InternalAlarm alarm, DeliveryClaims claims) {
        this.outbox = outbox;
        this.http = new HttpSender(settings);
        HomeserverGate gate = new HomeserverGate(settings.matrixMinInterval());
        Backoff backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff(),
                () -> ThreadLocalRandom.current().nextDouble());
        config.receivers().forEach((name, r) -> {
            Notifier n = notifier(r, text, settings, clock, gate);
            channels.put(name, new ReceiverChannel(name, n, outbox, backoff, clock, settings.failingAlertAfter(), alarm,
                    claims));
        });
    }

    private Notifier notifier(AlertsConfig.Receiver r, FrenchText text, DeliverySettings settings, Clock clock,
                              HomeserverGate gate) {
        String type = r.type() == null ? "" : r.type().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "webhook" -> new WebhookNotifier(r, http, text, clock);
            case "slack" -> new ChatNotifier(r, ChatNotifier.Flavour.SLACK, http, text, clock);
            case "mattermost" -> new ChatNotifier(r, ChatNotifier.Flavour.MATTERMOST, http, text, clock);
            case "matrix", "tchap" -> new MatrixNotifier(r, http, text, clock, gate);
            case "email" -> new EmailNotifier(r, text, settings);
            default -> throw new IllegalArgumentException("receiver " + r.name() + ": unknown type '" + r.type()
                    + "' (webhook, slack, mattermost, matrix, email)");
        };
    }

    public boolean knows(String receiver) {
        return channels.containsKey(receiver);
    }

    /** Nudges a receiver's channel after new notifications were written for it. */
    public void wake(String receiver) {
        ReceiverChannel c = channels.get(receiver);
        if (c != null) c.wake();
    }

    /** Sends whatever the outbox still holds (after a restart). */
    public void resumePending() {
        for (String r : outbox.receiversWithPending()) {
            if (channels.containsKey(r)) {
                wake(r);
            } else {
                LOG.warn("receiver={} has pending notifications but is no longer configured", r);
            }
        }
    }

    /** True when a 410 disabled the receiver. */
    public boolean disabled(String receiver) {
        ReceiverChannel c = channels.get(receiver);
        return c != null && c.disabled();
    }

    @Override
    public void close() {
        channels.values().forEach(ReceiverChannel::close);
        try {
            http.close();
        } catch (IOException e) {
            LOG.warn("http client close failed: {}", e.toString());
        }
    }
}
