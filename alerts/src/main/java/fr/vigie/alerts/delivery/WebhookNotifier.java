package fr.vigie.alerts.delivery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.vigie.alerts.content.AlertJson;
import fr.vigie.alerts.content.FrenchText;
import fr.vigie.alerts.outbox.OutboxEntry;
import fr.vigie.config.AlertsConfig;
import org.apache.hc.client5.http.classic.methods.HttpPost;

import java.io.IOException;
import java.time.Clock;

/**
 * Generic JSON webhook signed per Standard Webhooks v1: body {@code {type, timestamp, data}}, headers
 * {@code webhook-id} (the stable notification id), {@code webhook-timestamp}, {@code webhook-signature}.
 */
public final class WebhookNotifier implements Notifier {
    private final AlertsConfig.Receiver receiver;
    private final HttpSender http;
    private final WebhookSigner signer;
    private final FrenchText text;
    private final Clock clock;
    private final Redactor redactor;

    public WebhookNotifier(AlertsConfig.Receiver receiver, HttpSender http, FrenchText text, Clock clock) {
        this.receiver = receiver;
        this.http = http;
        this.signer = new WebhookSigner(receiver.secret());
        this.text = text;
        this.clock = clock;
        this.redactor = new Redactor(receiver.url(), receiver.secret());
    }

    /** The JSON body for a notification; also documented in docs/alerts.md. */
    public static String body(OutboxEntry n, FrenchText text) {
        ObjectNode root = AlertJson.mapper().createObjectNode();
        root.put("type", n.alert().kind().type());
        root.put("timestamp", n.alert().at().toString());
        ObjectNode data = AlertJson.mapper().valueToTree(n.alert());
        data.put("id", n.id());
        data.put("summary", text.subject(n.alert()));
        data.put("text", text.plain(n.alert()));
        root.set("data", data);
        return AlertJson.write(root);
    }

    @Override
    public SendResult send(OutboxEntry n) {
        String body = body(n, text);
        long ts = clock.instant().getEpochSecond();
        try {
            HttpPost post = SignedWebhook.post(java.net.URI.create(receiver.url().reveal()), n.id(), ts, body, signer);
            return HttpVerdicts.of(http.exchange(post), clock);
        } catch (IOException | RuntimeException e) {
            return new SendResult.Retry(redactor.describe(e), null);
        }
    }
}
