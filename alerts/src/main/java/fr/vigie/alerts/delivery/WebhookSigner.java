package fr.vigie.alerts.delivery;

import fr.vigie.config.Secret;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Standard Webhooks v1 signatures: {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">} for each
 * {@code whsec_} secret (space-separated in the configured value during a key rotation).
 */
public final class WebhookSigner {
    private static final String PREFIX = "whsec_";
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final List<byte[]> keys = new ArrayList<>();

    /** @throws IllegalArgumentException when a secret is not {@code whsec_<base64>} (the value is not quoted) */
    public WebhookSigner(Secret secrets) {
        if (secrets == null || secrets.isEmpty()) {
            throw new IllegalArgumentException("a webhook receiver needs a whsec_ signing secret (" +
                    (secrets == null ? "none" : secrets.source()) + ")");
        }
        for (String s : secrets.reveal().trim().split("\\s+")) {
            String b64 = s.startsWith(PREFIX) ? s.substring(PREFIX.length()) : s;
            try {
                keys.add(Base64.getDecoder().decode(b64));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("webhook secret from " + secrets.source()
                        + " is not whsec_<base64>");
            }
        }
    }

    /** A new random signing secret, {@code whsec_} and 32 random bytes in base64 (Standard Webhooks form). */
    public static Secret generate(String source) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Secret.of(source, PREFIX + Base64.getEncoder().encodeToString(key));
    }

    /** The {@code webhook-signature} header value. */
    public String sign(String id, long timestampSeconds, String body) {
        byte[] content = (id + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        for (byte[] key : keys) {
            out.add("v1," + Base64.getEncoder().encodeToString(hmac(key, content)));
        }
        return String.join(" ", out);
    }

    static byte[] hmac(byte[] key, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
