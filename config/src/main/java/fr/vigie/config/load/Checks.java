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
    private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    /** IPv4 (group 1) or bracketed IPv6 (group 2), then an optional port (group 3) */
    private static final Pattern DNS_SERVER = Pattern.compile(
            "(?:(" + OCTET + "(?:\\." + OCTET + "){3})|\\[([0-9a-fA-F:.]+)])(?::(\\d{1,5}))?");

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

    /** A DNS server: an IPv4 literal, or an IPv6 literal in brackets, with an optional :port. */
    static String dnsServer(String server) {
        var m = DNS_SERVER.matcher(server);
        String expected = "bad DNS server '" + server + "': expected an IP address with an optional port "
                + "(127.0.0.1:53, [::1]:53)";
        if (!m.matches()) {
            return expected;
        }
        if (m.group(2) != null && !isIpV6Literal(m.group(2))) {
            return expected;
        }
        int port = m.group(3) == null ? 53 : Integer.parseInt(m.group(3));
        return port < 1 || port > 65535 ? "bad port " + port + " in DNS server '" + server + "': expected 1-65535" : null;
    }

    private static boolean isIpV6Literal(String text) {
        try {
            // a text with ':' is parsed as a literal, never looked up
            return text.contains(":") && java.net.InetAddress.getByName(text) instanceof java.net.Inet6Address;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
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
