package fr.vigie.probes.run;

import fr.vigie.config.Target;
import io.netty.handler.codec.http.cookie.Cookie;
import io.vertx.ext.web.client.spi.CookieStore;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** What one journey run carries from step to step: cookies, extracted values and the last page. */
final class JourneyState {
    /**
     * The last response body a {@code submit-form} step can work on, with its HTML document parsed at most once
     * for the whole journey: a login page checked by a selector is not parsed again to fill its form.
     */
    record Page(URI url, PageBody content) {
        String body() {
            return content.text();
        }

        org.jsoup.nodes.Document document() {
            return content.html();
        }
    }

    private final Target target;
    private final CookieStore cookies = new BrowserCookieStore();
    private final Map<String, String> extracted = new HashMap<>();
    private Page lastPage;

    JourneyState(Target target) {
        this.target = target;
    }

    Target target() {
        return target;
    }

    CookieStore cookies() {
        return cookies;
    }

    Map<String, String> extracted() {
        return extracted;
    }

    Optional<Page> lastPage() {
        return Optional.ofNullable(lastPage);
    }

    void lastPage(Page page) {
        this.lastPage = page;
    }

    /** The named cookie the journey holds for the target's host (or the last page's host). */
    Optional<String> cookie(String name) {
        URI where = lastPage != null ? lastPage.url() : URI.create(target.baseUrl());
        String path = where.getRawPath() == null || where.getRawPath().isEmpty() ? "/" : where.getRawPath();
        for (Cookie c : cookies.get(true, where.getHost(), path)) {
            if (c.name().equals(name)) {
                return Optional.of(c.value());
            }
        }
        return Optional.empty();
    }
}
