package fr.vigie.probes.run;

import fr.vigie.config.Addresses;
import io.netty.handler.codec.http.cookie.Cookie;
import io.vertx.ext.web.client.spi.CookieStore;

import java.util.List;
import java.util.Locale;

/**
 * The journey's cookie jar, with the one rule where browsers differ from Vert.x's store: a {@code Secure}
 * cookie goes to a loopback origin ({@code localhost}, {@code *.localhost}, 127.0.0.0/8, {@code [::1]}) even
 * over plain HTTP, because browsers count loopback as a secure context. Keycloak marks all its cookies
 * {@code Secure}; without this its login post over {@code http://127.0.0.1} answers "Cookie not found".
 * Any other plain-HTTP host never receives a {@code Secure} cookie.
 */
final class BrowserCookieStore implements CookieStore {
    private final CookieStore store = CookieStore.build();
    /** Set by the first cookie stored: until then every lookup is empty, without parsing the request's path. */
    private volatile boolean holdsCookies;

    @Override
    public Iterable<Cookie> get(Boolean ssl, String domain, String path) {
        if (!holdsCookies) {
            // most checks are one request that no server answered with a cookie yet: a profile of the simple
            // check at 500/s saw Vert.x's lookup (key, dot segments of the path) at 2 % of the event loop's time
            return List.of();
        }
        boolean secureContext = Boolean.TRUE.equals(ssl) || (domain != null && isLoopback(domain));
        return store.get(secureContext, domain, path);
    }

    @Override
    public CookieStore put(Cookie cookie) {
        store.put(cookie);
        holdsCookies = true;
        return this;
    }

    @Override
    public CookieStore remove(Cookie cookie) {
        store.remove(cookie);
        return this;
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return Addresses.isLoopback(h) || h.endsWith(".localhost");
    }
}
