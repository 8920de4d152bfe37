package fr.vigie.config.load;

import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/** Value checks shared by the section readers; each returns an error message or null when fine. */
final class Checks {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern LISTEN = Pattern.compile("(.+):(\\d{1,5})");

    private Checks() {
    }

    /** An absolute http(s) URL with a host. */
    static String httpUrl(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                return "bad URL '" + url + "': expected http:// or https://";
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                return "bad URL '" + url + "': no host";
            }
            return null;
        } catch (URISyntaxException e) {
            return "bad URL '" + url + "': " + e.getReason();
        }
    }

    /** A host:port to listen on. */
    static String listen(String listen) {
        var m = LISTEN.matcher(listen);
        if (!m.matches()) {
            return "bad listen address '" + listen + "': expected host:port (127.0.0.1:8080)";
        }
        int port = Integer.parseInt(m.group(2));
        return port < 1 || port > 65535 ? "bad port " + port + " in '" + listen + "': expected 1-65535" : null;
    }

    /** An id fit for URLs and file names. */
    static String id(String id) {
        return ID.matcher(id).matches() ? null
                : "bad id '" + id + "': use lower-case letters, digits and dashes (ent-idf)";
    }

    /** A CSS selector as jsoup (the probes' HTML parser) reads it. */
    static String cssSelector(String selector) {
        try {
            QueryParser.parse(selector);
            return null;
        } catch (Selector.SelectorParseException | IllegalArgumentException e) {
            return "bad CSS selector '" + selector + "': " + e.getMessage();
        }
    }

    static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
