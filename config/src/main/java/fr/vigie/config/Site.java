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
 */
public record Site(String title, String baseUrl, Path output, List<String> languages, ZoneId timeZone,
                   String listen, String contactUrl, String contactEmail) {
    /** A site without a contact address (tests, loopback demos). */
    public Site(String title, String baseUrl, Path output, List<String> languages, ZoneId timeZone, String listen,
                String contactUrl) {
        this(title, baseUrl, output, languages, timeZone, listen, contactUrl, null);
    }

    public Site {
        languages = List.copyOf(languages);
    }
}
