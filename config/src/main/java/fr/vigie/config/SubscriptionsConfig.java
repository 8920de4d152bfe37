package fr.vigie.config;

import java.time.Duration;

/**
 * The {@code subscriptions} section: e-mail subscriptions of the public (parents, teachers, journalists) to a
 * service, a region, an académie or everything. Absent, there are no subscriptions: no form, no endpoint.
 *
 * @param listen            host:port of the subscription endpoint (its own listener: the static site never
 *                          depends on it)
 * @param publicUrl         the endpoint as the public reaches it ("https://etat.example/abonnement"), no trailing
 *                          slash: the form posts there and the links in messages point there
 * @param smtp              host:port of the SMTP relay
 * @param from              sender address of the messages
 * @param user              SMTP account, or null
 * @param password          SMTP password, or null
 * @param key               HMAC key of the links' tokens, or null to use one generated into the data folder
 * @param confirmationTtl   how long a confirmation link is valid
 * @param ratePerSecond     messages per second to subscribers at most (the relay is shared with the crisis cell)
 * @param batchSize         messages sent over one SMTP connection
 * @param perClientPerHour  subscription requests accepted per client address and hour
 * @param perAddressPerDay  confirmation messages sent to one e-mail address per day
 * @param webhooks          webhook subscriptions of other services, or null when the section has none
 */
public record SubscriptionsConfig(String listen, String publicUrl, String smtp, String from, String user,
                                  Secret password, Secret key, Duration confirmationTtl, int ratePerSecond,
                                  int batchSize, int perClientPerHour, int perAddressPerDay, Webhooks webhooks) {
    /** Without webhook subscriptions (the e-mail ones only). */
    public SubscriptionsConfig(String listen, String publicUrl, String smtp, String from, String user,
                               Secret password, Secret key, Duration confirmationTtl, int ratePerSecond,
                               int batchSize, int perClientPerHour, int perAddressPerDay) {
        this(listen, publicUrl, smtp, from, user, password, key, confirmationTtl, ratePerSecond, batchSize,
                perClientPerHour, perAddressPerDay, null);
    }

    /** The same settings with these webhook settings. */
    public SubscriptionsConfig withWebhooks(Webhooks value) {
        return new SubscriptionsConfig(listen, publicUrl, smtp, from, user, password, key, confirmationTtl,
                ratePerSecond, batchSize, perClientPerHour, perAddressPerDay, value);
    }

    /**
     * The {@code subscriptions.webhooks} section: other services register a callback URL and receive signed JSON.
     *
     * @param allowNetworks     networks a callback may resolve to although they are private, loopback or
     *                          link-local, where plain http is accepted too (tests, a local deployment); empty in
     *                          production
     * @param perClientPerHour  registrations accepted per client address and hour
     * @param verificationTtl   how long a registration waits for its callback to echo the challenge
     * @param disableAfter      a receiver failing without a break this long is disabled (reason kept)
     * @param maxPending        notifications waiting for one receiver at most; beyond, it is disabled
     * @param maxSubscriptions  webhook subscriptions at most, all states together
     */
    public record Webhooks(java.util.List<Cidr> allowNetworks, int perClientPerHour, Duration verificationTtl,
                           Duration disableAfter, int maxPending, int maxSubscriptions) {
        public Webhooks {
            allowNetworks = allowNetworks == null ? java.util.List.of() : java.util.List.copyOf(allowNetworks);
        }

        public static Webhooks defaults() {
            return new Webhooks(java.util.List.of(), 10, Duration.ofMinutes(10), Duration.ofHours(24), 1000, 1000);
        }
    }
    /** The site's origin the form is served from ("https://etat.example"), for the endpoint's Origin check. */
    public static String origin(String url) {
        java.net.URI uri = java.net.URI.create(url);
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
