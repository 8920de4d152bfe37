package fr.vigie.alerts.delivery;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;

import java.net.URI;

/**
 * A Standard Webhooks v1 request: {@code POST} of a JSON body with {@code webhook-id}, {@code webhook-timestamp}
 * and {@code webhook-signature}. The one place that builds it, for the crisis cell's receivers and for the
 * subscriptions module's webhook subscribers alike.
 */
public final class SignedWebhook {
    private SignedWebhook() {
    }

    /** The signed request; {@code timestampSeconds} is the attempt's time (Unix seconds), as the header carries. */
    public static HttpPost post(URI url, String id, long timestampSeconds, String body, WebhookSigner signer) {
        HttpPost post = new HttpPost(url);
        post.setHeader("webhook-id", id);
        post.setHeader("webhook-timestamp", Long.toString(timestampSeconds));
        post.setHeader("webhook-signature", signer.sign(id, timestampSeconds, body));
        post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        return post;
    }
}
