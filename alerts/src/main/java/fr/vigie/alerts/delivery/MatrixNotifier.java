package fr.vigie.alerts.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.vigie.alerts.content.AlertJson;
import fr.vigie.alerts.content.FrenchText;
import fr.vigie.alerts.outbox.OutboxEntry;
import fr.vigie.config.AlertsConfig;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * A Matrix room (Tchap): {@code PUT /_matrix/client/v3/rooms/{room}/send/m.room.message/{txnId}} with a Bearer
 * token, an {@code m.notice} with an HTML body. The txnId is the stable notification id, so a retry is
 * idempotent; {@code 429 M_LIMIT_EXCEEDED} and its {@code retry_after_ms} are honoured; one call per interval
 * per homeserver.
 */
public final class MatrixNotifier implements Notifier {
    private final AlertsConfig.Receiver receiver;
    private final HttpSender http;
    private final FrenchText text;
    private final Clock clock;
    private final HomeserverGate gate;
    private final Redactor redactor;
    private final String homeserver;

    public MatrixNotifier(AlertsConfig.Receiver receiver, HttpSender http, FrenchText text, Clock clock,
                          HomeserverGate gate) {
        if (receiver.url() == null || receiver.secret() == null || receiver.room() == null) {
            throw new IllegalArgumentException("matrix receiver " + receiver.name() + " needs url, secret and room");
        }
        this.receiver = receiver;
        this.http = http;
        this.text = text;
        this.clock = clock;
        this.gate = gate;
        this.redactor = new Redactor(receiver.url(), receiver.secret());
        String hs = receiver.url().reveal().trim();
        this.homeserver = hs.endsWith("/") ? hs.substring(0, hs.length() - 1) : hs;
    }

    @Override
    public Duration holdOff() {
        return gate.reserve(homeserver);
    }

    public String body(OutboxEntry n) {
        ObjectNode root = AlertJson.mapper().createObjectNode();
        root.put("msgtype", "m.notice");
        root.put("body", text.plain(n.alert()));
        root.put("format", "org.matrix.custom.html");
        root.put("formatted_body", text.html(n.alert()));
        return AlertJson.write(root);
    }

    @Override
    public SendResult send(OutboxEntry n) {
        String url = homeserver + "/_matrix/client/v3/rooms/" + encode(receiver.room())
                + "/send/m.room.message/" + encode(n.id());
        try {
            HttpPut put = new HttpPut(url);
            put.setHeader("Authorization", "Bearer " + receiver.secret().reveal());
            put.setEntity(new StringEntity(body(n), ContentType.APPLICATION_JSON));
            HttpAnswer answer = http.exchange(put);
            if (answer.code() == 429) {
                return new SendResult.Retry("HTTP 429 M_LIMIT_EXCEEDED", retryAfter(answer));
            }
            return HttpVerdicts.of(answer, clock);
        } catch (IOException | RuntimeException e) {
            return new SendResult.Retry(redactor.describe(e), null);
        }
    }

    private Duration retryAfter(HttpAnswer answer) {
        try {
            JsonNode err = AlertJson.mapper().readTree(answer.body());
            if (err != null && err.hasNonNull("retry_after_ms")) {
                return Duration.ofMillis(err.get("retry_after_ms").asLong());
            }
        } catch (IOException notJson) {
            // fall back on the header
        }
        return HttpVerdicts.retryAfter(answer.retryAfter(), clock);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
