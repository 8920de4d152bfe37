package fr.vigie.alerts.outbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable notification ids: a hash of the alert key (incident id, event seq, repeat) and the receiver name. */
public final class NotificationId {
    private NotificationId() {
    }

    /** {@code msg_} followed by 32 hex digits; the same inputs always give the same id. */
    public static String of(String alertKey, String receiver) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest((alertKey + "\u0000" + receiver).getBytes(StandardCharsets.UTF_8));
            return "msg_" + HexFormat.of().formatHex(h, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
