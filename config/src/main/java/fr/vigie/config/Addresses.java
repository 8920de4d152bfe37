package fr.vigie.config;

import java.util.Locale;
import java.util.regex.Pattern;

/** Address rules shared by the modules that decide whether traffic stays on this machine. */
public final class Addresses {
    private static final Pattern LOOPBACK_V4 = Pattern.compile("127(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    private Addresses() {
    }

    /**
     * True for "localhost" and loopback IP literals only: a name such as "127.mail.example" may resolve
     * anywhere, so it never counts as this machine.
     */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("::1") || h.equals("[::1]") || LOOPBACK_V4.matcher(h).matches();
    }
}
