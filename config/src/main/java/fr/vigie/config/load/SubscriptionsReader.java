package fr.vigie.config.load;

import fr.vigie.config.Cidr;
import fr.vigie.config.Secret;
import fr.vigie.config.SubscriptionsConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the optional {@code subscriptions} section; absent, the public cannot subscribe and this returns null. */
final class SubscriptionsReader {
    private static final Pattern SMTP = Pattern.compile("[^:\\s]+:\\d{1,5}");
    /** local@domain, optionally inside "Name <...>": the relay checks the rest. */
    private static final Pattern FROM = Pattern.compile("(?:[^<>]*<)?[^\\s@<>]+@[^\\s@<>]+\\.[^\\s@<>]+>?");
    /** a shorter HMAC key is guessable; 32 characters of a random string are well over 128 bits */
    static final int MIN_KEY_LENGTH = 32;

    private SubscriptionsReader() {
    }

    static SubscriptionsConfig subscriptions(Node node) {
        if (!node.present()) {
            return null;
        }
        if (!node.mapping("listen", "public-url", "smtp", "from", "user", "password", "key", "confirmation-ttl",
                "rate-per-second", "batch-size", "per-client-per-hour", "per-address-per-day", "webhooks")) {
            return null;
        }
        String listen = SettingsReader.listen(node.get("listen"), "127.0.0.1:8081");
        String publicUrl = null;
        if (node.get("public-url").required()) {
            publicUrl = SettingsReader.url(node.get("public-url"), null);
        }
        String smtp = null;
        if (node.get("smtp").required()) {
            smtp = node.get("smtp").text();
            if (smtp != null && !SMTP.matcher(smtp).matches()) {
                node.get("smtp").error("bad SMTP relay '" + smtp + "': expected host:port (127.0.0.1:25)");
            }
        }
        String from = null;
        if (node.get("from").required()) {
            from = node.get("from").text();
            if (from != null && !FROM.matcher(from.trim()).matches()) {
                node.get("from").error("bad sender address '" + from + "': expected name@domain or "
                        + "\"Vigie <name@domain>\"");
            }
        }
        String user = node.get("user").text();
        Secret password = node.get("password").secret();
        boolean hasUser = user != null && !user.isEmpty();
        boolean hasPassword = password != null && !password.isEmpty();
        if (hasUser && !hasPassword) {
            node.get("user").error("an SMTP account ('user') needs its password in 'password' (${ENV} or file:)");
        } else if (hasPassword && !hasUser) {
            node.get("password").error("an SMTP password needs its account in 'user'");
        }
        Secret key = node.get("key").secret();
        if (key != null && !key.isEmpty() && key.reveal().length() < MIN_KEY_LENGTH) {
            node.get("key").error("the token key must be at least " + MIN_KEY_LENGTH + " characters "
                    + "(or leave 'key' out: one is generated into the data folder)");
        }
        Duration ttl = node.get("confirmation-ttl").duration(Duration.ofHours(48));
        int rate = intOr(node.get("rate-per-second"), 1, 10_000, 20);
        int batch = intOr(node.get("batch-size"), 1, 10_000, 50);
        int perClient = intOr(node.get("per-client-per-hour"), 1, 100_000, 10);
        int perAddress = intOr(node.get("per-address-per-day"), 1, 100, 3);
        return new SubscriptionsConfig(listen, publicUrl, smtp, from == null ? null : from.trim(),
                hasUser ? user : null, hasPassword ? password : null, key == null || key.isEmpty() ? null : key, ttl,
                rate, batch, perClient, perAddress, webhooks(node.get("webhooks")));
    }

    /** {@code subscriptions.webhooks}: absent, other services cannot register a webhook. */
    static SubscriptionsConfig.Webhooks webhooks(Node node) {
        if (!node.present()) {
            return null;
        }
        if (!node.mapping("allow-networks", "per-client-per-hour", "verification-ttl", "disable-after",
                "max-pending", "max-subscriptions")) {
            return null;
        }
        SubscriptionsConfig.Webhooks d = SubscriptionsConfig.Webhooks.defaults();
        List<Cidr> networks = new ArrayList<>();
        for (Node item : node.get("allow-networks").items()) {
            String text = item.text();
            Optional<Cidr> cidr = Cidr.parse(text);
            if (cidr.isEmpty()) {
                item.error("bad network '" + text + "': expected a numeric address/prefix (127.0.0.0/8, ::1/128)");
            } else {
                networks.add(cidr.get());
            }
        }
        int perClient = intOr(node.get("per-client-per-hour"), 1, 100_000, d.perClientPerHour());
        Duration ttl = node.get("verification-ttl").duration(d.verificationTtl());
        Duration disableAfter = node.get("disable-after").duration(d.disableAfter());
        int maxPending = intOr(node.get("max-pending"), 1, 1_000_000, d.maxPending());
        int maxSubscriptions = intOr(node.get("max-subscriptions"), 1, 1_000_000, d.maxSubscriptions());
        return new SubscriptionsConfig.Webhooks(networks, perClient, ttl, disableAfter, maxPending, maxSubscriptions);
    }

    /**
     * The form is a page of the site, whose Content-Security-Policy lets forms post only to the site's own origin
     * ({@code form-action 'self'}): the endpoint must be reached there, behind the same reverse proxy.
     */
    static void checkSameOrigin(SubscriptionsConfig subscriptions, fr.vigie.config.Site site, Node publicUrl) {
        if (subscriptions == null || subscriptions.publicUrl() == null || site == null || site.baseUrl() == null) {
            return;
        }
        String endpoint = SubscriptionsConfig.origin(subscriptions.publicUrl());
        String page = SubscriptionsConfig.origin(site.baseUrl());
        if (!endpoint.equals(page)) {
            publicUrl.error("public-url " + subscriptions.publicUrl() + " is not on the site's origin (" + page
                    + "): the form's page only lets forms post to its own origin; serve the endpoint under the "
                    + "site, e.g. " + page + "/abonnement, behind the same reverse proxy");
        }
    }

    private static int intOr(Node node, long min, long max, int fallback) {
        Long value = node.integer(min, max);
        return value == null ? fallback : value.intValue();
    }
}
