package fr.vigie.subscriptions.token;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Signed, expiring tokens for the links in messages: {@code <action>.<subscription>.<expiry>.<mac>}, the MAC an
 * HMAC-SHA256 over the first three parts. A token proves that whoever holds it read a message sent to the
 * subscriber's address; it carries no address. {@link #toString()} never shows the key.
 */
public final class Tokens {
    /** What a token allows; a confirmation token cannot be used to unsubscribe and the reverse. */
    public enum Action { CONFIRM, MANAGE, UNSUBSCRIBE, WEBHOOK }

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private final SecretKeySpec key;
    private final Clock clock;

    public Tokens(byte[] key, Clock clock) {
        if (key.length < 32) {
            throw new IllegalArgumentException("token key too short");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.clock = clock;
    }

    public String issue(Action action, String subscription, Instant expiry) {
        String body = action.name().toLowerCase(java.util.Locale.ROOT) + "." + subscription + "."
                + expiry.getEpochSecond();
        return body + "." + B64.encodeToString(mac(body));
    }

    /** The subscription id a valid, unexpired token of this action names; empty otherwise. */
    public Optional<String> verify(Action action, String token) {
        if (token == null || token.length() > 300) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals(action.name().toLowerCase(java.util.Locale.ROOT))) {
            return Optional.empty();
        }
        byte[] given;
        long expiry;
        try {
            given = B64D.decode(parts[3]);
            expiry = Long.parseLong(parts[2]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        byte[] expected = mac(parts[0] + "." + parts[1] + "." + parts[2]);
        // constant-time comparison: the time taken says nothing about how much of the MAC was right
        if (!MessageDigest.isEqual(expected, given) || clock.instant().getEpochSecond() > expiry) {
            return Optional.empty();
        }
        return Optional.of(parts[1]);
    }

    private byte[] mac(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }

    @Override
    public String toString() {
        return "Tokens[key=***]";
    }
}
