package fr.vigie.simulator.web;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/** Server-side sessions and one-use tokens of one service (single event loop, so a plain map). */
public final class Sessions {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Map<String, String> users = new HashMap<>();

    public String open(String username) {
        String id = token();
        users.put(id, username);
        return id;
    }

    /** The user of a session id, or null when absent or unknown. */
    public String user(String id) {
        return id == null ? null : users.get(id);
    }

    /** Returns and forgets the user of a one-use token (CAS tickets, SAML responses). */
    public String consume(String id) {
        return id == null ? null : users.remove(id);
    }

    public void close(String id) {
        if (id != null) {
            users.remove(id);
        }
    }

    public static String token() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
