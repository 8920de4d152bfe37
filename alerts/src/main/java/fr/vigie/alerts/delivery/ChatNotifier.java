package fr.vigie.alerts.delivery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.vigie.alerts.content.Alert;
import fr.vigie.alerts.content.AlertJson;
import fr.vigie.alerts.content.AlertKind;
import fr.vigie.alerts.content.FrenchText;
import fr.vigie.alerts.outbox.OutboxEntry;
import fr.vigie.config.AlertsConfig;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;

import java.io.IOException;
import java.time.Clock;

/**
 * Slack and Mattermost incoming webhooks ({@code POST {"text": ...}}); Slack gets Block Kit blocks, Mattermost
 * Slack-style attachments. The URL is the secret.
 */
public final class ChatNotifier implements Notifier {
    /** Which chat dialect to speak. */
    public enum Flavour { SLACK, MATTERMOST }

    private final AlertsConfig.Receiver receiver;
    private final Flavour flavour;
    private final HttpSender http;
    private final FrenchText text;
    private final Clock clock;
    private final Redactor redactor;

    public ChatNotifier(AlertsConfig.Receiver receiver, Flavour flavour, HttpSender http, FrenchText text,
                        Clock clock) {
        if (receiver.url() == null || receiver.url().isEmpty()) {
            throw new IllegalArgumentException("receiver " + receiver.name() + " needs an incoming webhook url");
        }
        this.receiver = receiver;
        this.flavour = flavour;
        this.http = http;
        this.text = text;
        this.clock = clock;
        this.redactor = new Redactor(receiver.url(), receiver.secret());
    }

    public String body(OutboxEntry n) {
        Alert a = n.alert();
        ObjectNode root = AlertJson.mapper().createObjectNode();
        if (flavour == Flavour.SLACK) {
            String md = text.markdown(a, "*");
            root.put("text", md);
            ArrayNode blocks = root.putArray("blocks");
            ObjectNode section = blocks.addObject().put("type", "section");
            section.putObject("text").put("type", "mrkdwn").put("text", md);
            blocks.addObject().put("type", "context").putArray("elements").addObject()
                    .put("type", "mrkdwn").put("text", "Vigie · " + n.id());
        } else {
            root.put("text", "**" + text.subject(a) + "**");
            root.put("username", "Vigie");
            ObjectNode att = root.putArray("attachments").addObject();
            att.put("fallback", text.subject(a));
            att.put("color", colour(a));
            if (a.link() != null) att.put("title_link", a.link());
            att.put("title", text.heading(a.kind()));
            if (a.kind() == AlertKind.INTERNAL && a.message() != null) att.put("text", a.message());
            ArrayNode fields = att.putArray("fields");
            for (String[] f : text.fields(a)) {
                fields.addObject().put("short", f[1].length() < 40).put("title", f[0]).put("value", f[1]);
            }
            att.put("footer", "Vigie · " + n.id());
        }
        return AlertJson.write(root);
    }

    @Override
    public SendResult send(OutboxEntry n) {
        try {
            HttpPost post = new HttpPost(receiver.url().reveal());
            post.setEntity(new StringEntity(body(n), ContentType.APPLICATION_JSON));
            return HttpVerdicts.of(http.exchange(post), clock);
        } catch (IOException | RuntimeException e) {
            return new SendResult.Retry(redactor.describe(e), null);
        }
    }

    private static String colour(Alert a) {
        if (a.kind() == AlertKind.RESOLVED) return "#2e7d32";
        if (a.kind() == AlertKind.INTERNAL) return "#6a1b9a";
        return a.status() != null && a.status().isOutage() ? "#c62828" : "#ef6c00";
    }
}
