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
 */
public record SubscriptionsConfig(String listen, String publicUrl, String smtp, String from, String user,
                                  Secret password, Secret key, Duration confirmationTtl, int ratePerSecond,
                                  int batchSize, int perClientPerHour, int perAddressPerDay) {
    /** The site's origin the form is served from ("https://etat.example"), for the endpoint's Origin check. */
    public static String origin(String url) {
        java.net.URI uri = java.net.URI.create(url);
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
