package fr.vigie.config.load;

import fr.vigie.config.ClassifierConfig;
import fr.vigie.config.ProbingConfig;
import fr.vigie.config.SignatureConfig;
import fr.vigie.config.Site;
import fr.vigie.config.StorageConfig;
import fr.vigie.config.Vantage;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads the simple sections: site, storage, vantage, probing and classifier. */
final class SettingsReader {
    static final List<String> LANGUAGES = List.of("fr", "en");
    static final List<String> SIGNATURE_CATEGORIES =
            List.of("storage", "saturation", "attack", "maintenance", "gateway", "application");

    private SettingsReader() {
    }

    static Site site(Node node) {
        node.mapping("title", "base-url", "output", "languages", "time-zone", "listen", "contact-url",
                "contact-email", "mirrors");
        String baseUrl = url(node.get("base-url"), Defaults.SITE_BASE_URL);
        List<String> languages = node.get("languages").present() ? languages(node.get("languages"))
                : Defaults.SITE_LANGUAGES;
        String contact = contactUrl(node.get("contact-url"), baseUrl);
        String email = contactEmail(node.get("contact-email"));
        if (email == null && contact.equals(Defaults.contactUrl(baseUrl)) && isPublic(baseUrl)) {
            // A published site must say how to reach its publisher (accessibility law, operators' requests).
            node.get("base-url").error("a public site (base-url " + baseUrl + ") needs a contact address: set site.contact-email "
                    + "(shown on the about and accessibility pages) or site.contact-url");
        }
        return new Site(node.get("title").text(Defaults.SITE_TITLE), baseUrl,
                path(node.get("output"), Defaults.SITE_OUTPUT), languages, zone(node.get("time-zone")),
                listen(node.get("listen"), Defaults.SITE_LISTEN), contact, email, MirrorReader.mirrors(node.get("mirrors")));
    }

    /** Production, for the contact rule: a base URL whose host is not loopback (localhost, 127/8, ::1). */
    static boolean isPublic(String baseUrl) {
        try {
            String host = java.net.URI.create(baseUrl).getHost();
            return host != null && !fr.vigie.config.Addresses.isLoopback(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Absent or empty: none. Otherwise one plain address, no display name, no list. */
    static String contactEmail(Node node) {
        String email = node.text();
        if (email == null || email.isBlank()) {
            return null;
        }
        if (!email.trim().matches("[^@\\s<>\"(),;:]+@[^@\\s<>\"(),;:]+\\.[A-Za-z]{2,}")) {
            node.error("not an e-mail address: '" + email + "' (expected name@domain.fr)");
            return null;
        }
        return email.trim();
    }

    static StorageConfig storage(Node node) {
        node.mapping("type", "path", "url", "database", "retention", "username", "password");
        StorageConfig.Type type = node.get("type").present() ? node.get("type").choice(StorageConfig.Type.class)
                : StorageConfig.Type.EMBEDDED;
        boolean influx = type == StorageConfig.Type.INFLUXDB;
        Path path = path(node.get("path"), influx ? Defaults.INFLUXDB_SPOOL : Defaults.EMBEDDED_PATH);
        String url = null;
        String database = null;
        if (influx) {
            url = url(node.get("url"), Defaults.INFLUXDB_URL);
            if (hasUserInfo(url)) {
                // the URL is logged and shown by check-config: an account belongs in username/password (secrets)
                node.get("url").error("put the InfluxDB account in 'username' and 'password', not in the URL"
                        + " (value not shown)");
                url = Defaults.INFLUXDB_URL;
            }
            database = node.get("database").text(Defaults.INFLUXDB_DATABASE);
        } else {
            for (String key : List.of("url", "database", "username", "password")) {
                if (node.get(key).present()) {
                    node.get(key).error("'" + key + "' only applies to type: influxdb");
                }
            }
        }
        return new StorageConfig(type == null ? StorageConfig.Type.EMBEDDED : type, path, url, database,
                node.get("retention").duration(Defaults.RETENTION),
                influx ? emptyToNull(node.get("username").secret()) : null,
                influx ? emptyToNull(node.get("password").secret()) : null);
    }

    static Vantage vantage(Node node) {
        node.mapping("id", "label");
        String id = node.get("id").text(Defaults.VANTAGE_ID);
        String bad = Checks.id(id);
        if (bad != null) {
            node.get("id").error(bad);
        }
        return new Vantage(id, node.get("label").text(node.get("id").present() ? id : Defaults.VANTAGE_LABEL));
    }

    static ProbingConfig probing(Node node) {
        node.mapping("user-agent", "max-requests-per-second", "connect-timeout", "step-timeout", "max-body-bytes",
                "max-redirects", "login-backoff", "signatures", "dns-servers");
        Double rate = node.get("max-requests-per-second").decimal(0);
        Long maxBody = node.get("max-body-bytes").integer(1024, Long.MAX_VALUE);
        Long maxRedirects = node.get("max-redirects").integer(0, 50);
        return new ProbingConfig(node.get("user-agent").text(Defaults.USER_AGENT),
                rate == null ? Defaults.MAX_REQUESTS_PER_SECOND : rate,
                node.get("connect-timeout").duration(Defaults.CONNECT_TIMEOUT),
                node.get("step-timeout").duration(Defaults.STEP_TIMEOUT),
                maxBody == null ? Defaults.MAX_BODY_BYTES : maxBody,
                maxRedirects == null ? Defaults.MAX_REDIRECTS : maxRedirects.intValue(),
                node.get("login-backoff").duration(Defaults.LOGIN_BACKOFF),
                signatures(node.get("signatures")), dnsServers(node.get("dns-servers")));
    }

    /** Resolver addresses are IP literals (a resolver cannot be found by name), with an optional port. */
    private static List<String> dnsServers(Node node) {
        List<String> servers = new ArrayList<>();
        for (Node item : node.items()) {
            String server = item.requiredText();
            if (server == null) {
                continue;
            }
            String problem = Checks.dnsServer(server);
            if (problem != null) {
                item.error(problem);
            } else {
                servers.add(server);
            }
        }
        return servers;
    }

    private static List<SignatureConfig> signatures(Node node) {
        List<SignatureConfig> signatures = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Node item : node.items()) {
            if (!item.mapping("id", "category", "pattern")) {
                if (!item.present()) { // a wrong type was reported by mapping()
                    item.error("expected a mapping with id, category and pattern");
                }
                continue;
            }
            String id = item.get("id").requiredText();
            if (id != null && !ids.add(id)) {
                item.get("id").error("duplicate signature id '" + id + "'");
            }
            String category = item.get("category").required() ? item.get("category").oneOf(SIGNATURE_CATEGORIES) : null;
            String pattern = item.get("pattern").requiredText();
            if (pattern != null) {
                try {
                    Pattern.compile(pattern);
                } catch (PatternSyntaxException e) {
                    item.get("pattern").error("bad regular expression: " + e.getDescription());
                }
            }
            signatures.add(new SignatureConfig(id, category, pattern));
        }
        return signatures;
    }

    static ClassifierConfig classifier(Node node) {
        node.mapping("open-after-rounds", "close-after-rounds", "window", "slow-factor");
        ClassifierConfig d = Defaults.CLASSIFIER;
        Long open = node.get("open-after-rounds").integer(1, 100);
        Long close = node.get("close-after-rounds").integer(1, 100);
        Double slow = node.get("slow-factor").decimal(1.0);
        return new ClassifierConfig(open == null ? d.openAfterRounds() : open.intValue(),
                close == null ? d.closeAfterRounds() : close.intValue(),
                node.get("window").duration(d.window()), slow == null ? d.slowFactor() : slow);
    }

    static ZoneId zone(Node node) {
        String text = node.text();
        if (text == null) {
            return Defaults.SITE_TIME_ZONE;
        }
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            String hint = Suggestions.hint(text, ZoneId.getAvailableZoneIds());
            node.error("unknown time zone '" + text + "'" + (hint.isEmpty() ? " (e.g. Europe/Paris)" : hint));
            return Defaults.SITE_TIME_ZONE;
        }
    }

    private static boolean hasUserInfo(String url) {
        try {
            return java.net.URI.create(url).getRawUserInfo() != null;
        } catch (IllegalArgumentException e) {
            return false; // reported by url()
        }
    }

    static String url(Node node, String fallback) {
        String url = node.text();
        if (url == null) {
            return fallback;
        }
        String bad = Checks.httpUrl(url);
        if (bad != null) {
            node.error(bad);
            return fallback;
        }
        return Checks.withoutTrailingSlash(url);
    }

    /** Absent or empty ({@code ${VAR:-}}): the site's about page, which says who probes and how to reach them. */
    static String contactUrl(Node node, String baseUrl) {
        String fallback = Defaults.contactUrl(baseUrl);
        String url = node.text();
        return url == null || url.isBlank() ? fallback : url(node, fallback);
    }

    static String listen(Node node, String fallback) {
        String listen = node.text();
        if (listen == null) {
            return fallback;
        }
        String bad = Checks.listen(listen);
        if (bad != null) {
            node.error(bad);
            return fallback;
        }
        return listen;
    }

    static Path path(Node node, Path fallback) {
        String text = node.text();
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            node.error("bad path '" + text + "': " + e.getReason());
            return fallback;
        }
    }

    private static List<String> languages(Node node) {
        List<String> languages = new ArrayList<>();
        for (String language : node.texts()) {
            if (LANGUAGES.contains(language)) {
                languages.add(language);
            } else {
                node.error("bad language '" + language + "': expected one of " + String.join(", ", LANGUAGES));
            }
        }
        if (languages.isEmpty()) {
            node.error("at least one language is needed (fr, en)");
            return Defaults.SITE_LANGUAGES;
        }
        return languages;
    }

    static fr.vigie.config.Secret emptyToNull(fr.vigie.config.Secret secret) {
        return secret == null || secret.isEmpty() ? null : secret;
    }
}
