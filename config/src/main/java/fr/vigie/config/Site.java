package fr.vigie.config;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/**
 * The public status site.
 *
 * @param title      shown in page titles and feeds
 * @param baseUrl    public URL of the site, used in feeds, alerts and links (no trailing slash)
 * @param output     folder the static site is generated into
 * @param languages  page languages, first is the default ({@code fr}, {@code en})
 * @param timeZone   every schedule, baseline and page speaks this local time; default Europe/Paris
 * @param listen     host:port the public site is served on (default 127.0.0.1:8080)
 * @param contactUrl where operators reach the Vigie team; sent in the probes' User-Agent
 * @param contactEmail address the about page and the accessibility statement give, or null
 * @param mirrors    static hosts the rendered site is pushed to after each regeneration; empty for none
 */
public record Site(String title, String baseUrl, Path output, List<String> languages, ZoneId timeZone,
                   String listen, String contactUrl, String contactEmail, List<SiteMirror> mirrors) {
    /** A site pushed to no mirror. */
    public Site(String title, String baseUrl, Path output, List<String> languages, ZoneId timeZone, String listen,
                String contactUrl, String contactEmail) {
        this(title, baseUrl, output, languages, timeZone, listen, contactUrl, contactEmail, List.of());
    }

    /** A site without a contact address (tests, loopback demos). */
    public Site(String title, String baseUrl, Path output, List<String> languages, ZoneId timeZone, String listen,
                String contactUrl) {
        this(title, baseUrl, output, languages, timeZone, listen, contactUrl, null);
    }

    public Site {
        languages = List.copyOf(languages);
        mirrors = mirrors == null ? List.of() : List.copyOf(mirrors);
    }
}
