package fr.vigie.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The optional {@code subscriptions} section: absent means none; every bad value reported with path and line. */
class SubscriptionsConfigTest {
    private static final String TARGETS = """
            targets:
              - id: ent-a
                kind: ent
                base-url: http://127.0.0.1:1
                journey: public-page
            """;

    private static VigieConfig load(String yaml, Map<String, String> env) throws ConfigException {
        return new ConfigLoader(env).loadText(yaml, Path.of("."));
    }

    @Test
    void absentSectionMeansNoSubscriptions() throws ConfigException {
        assertThat(load(TARGETS, Map.of()).subscriptionSettings()).isEmpty();
    }

    @Test
    void readsEverySettingWithDefaults() throws ConfigException {
        SubscriptionsConfig s = load(TARGETS + """
                site:
                  base-url: https://etat.vigie.test
                  contact-email: contact@vigie.test
                subscriptions:
                  public-url: https://etat.vigie.test/abonnement/
                  smtp: 127.0.0.1:2525
                  from: "Vigie <ne-pas-repondre@vigie.test>"
                  key: ${VIGIE_SUBSCRIPTIONS_KEY}
                """, Map.of("VIGIE_SUBSCRIPTIONS_KEY", "0123456789abcdef0123456789abcdef"))
                .subscriptionSettings().orElseThrow();
        assertThat(s.listen()).isEqualTo("127.0.0.1:8081");
        assertThat(s.publicUrl()).isEqualTo("https://etat.vigie.test/abonnement");
        assertThat(s.smtp()).isEqualTo("127.0.0.1:2525");
        assertThat(s.from()).isEqualTo("Vigie <ne-pas-repondre@vigie.test>");
        assertThat(s.key().reveal()).hasSize(32);
        assertThat(s.key().toString()).doesNotContain("0123456789abcdef");
        assertThat(s.confirmationTtl()).isEqualTo(Duration.ofHours(48));
        assertThat(s.ratePerSecond()).isEqualTo(20);
        assertThat(s.batchSize()).isEqualTo(50);
        assertThat(s.perClientPerHour()).isEqualTo(10);
        assertThat(s.perAddressPerDay()).isEqualTo(3);
        assertThat(SubscriptionsConfig.origin(s.publicUrl())).isEqualTo("https://etat.vigie.test");
        assertThat(s.webhooks()).as("webhooks are off without their section").isNull();
    }

    @Test
    void webhooksReadWithDefaultsAndTheirAllowlist() throws ConfigException {
        String base = TARGETS + """
                subscriptions:
                  public-url: http://127.0.0.1:8080/abonnement
                  smtp: 127.0.0.1:2525
                  from: vigie@vigie.test
                """;
        SubscriptionsConfig.Webhooks d = load(base + "  webhooks: {}\n", Map.of()).subscriptionSettings()
                .orElseThrow().webhooks();
        assertThat(d).isEqualTo(SubscriptionsConfig.Webhooks.defaults());
        assertThat(d.allowNetworks()).as("production default: no private network allowed").isEmpty();
        SubscriptionsConfig.Webhooks w = load(base + """
                  webhooks:
                    allow-networks: [127.0.0.0/8, "::1/128"]
                    verification-ttl: 2m
                    disable-after: 1h
                    max-pending: 10
                """, Map.of()).subscriptionSettings().orElseThrow().webhooks();
        assertThat(w.allowNetworks()).extracting(Cidr::toString).containsExactly("127.0.0.0/8", "::1/128");
        assertThat(w.allowNetworks().get(0).contains(java.net.InetAddress.getLoopbackAddress())).isTrue();
        assertThat(w.verificationTtl()).isEqualTo(Duration.ofMinutes(2));
        assertThat(w.disableAfter()).isEqualTo(Duration.ofHours(1));
        assertThat(w.maxPending()).isEqualTo(10);
    }

    @Test
    void webhookErrorsHaveTheirPathAndLine() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> load(TARGETS + """
                subscriptions:
                  public-url: http://127.0.0.1:8080/abonnement
                  smtp: 127.0.0.1:2525
                  from: vigie@vigie.test
                  webhooks:
                    allow-networks: [127.0.0.0/8, localhost, 10.0.0.0/33]
                    max-pending: 0
                    lease: 1d
                """, Map.of()));
        assertThat(e).isNotNull();
        assertThat(e.errors().stream().map(ConfigError::toString).toList()).containsExactly(
                "subscriptions.webhooks.allow-networks[1]: bad network 'localhost': expected a numeric "
                        + "address/prefix (127.0.0.0/8, ::1/128) (line 11)",
                "subscriptions.webhooks.allow-networks[2]: bad network '10.0.0.0/33': expected a numeric "
                        + "address/prefix (127.0.0.0/8, ::1/128) (line 11)",
                "subscriptions.webhooks.max-pending: expected a whole number between 1 and 1000000, found 0 (line 12)",
                "subscriptions.webhooks.lease: unknown key 'lease'; allowed here: allow-networks, disable-after, "
                        + "max-pending, max-subscriptions, per-client-per-hour, verification-ttl (line 13)");
    }

    @Test
    void everyErrorAtOnceWithPathAndLineAndNoSecretInThem() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> load(TARGETS + """
                subscriptions:
                  listen: 127.0.0.1:99999
                  public-url: ftp://etat.vigie.test
                  smtp: localhost
                  from: personne
                  user: vigie
                  key: ${SHORT_KEY}
                  rate-per-second: 0
                  confirmation-ttl: bientôt
                  carrier-pigeon: true
                """, Map.of("SHORT_KEY", "court-et-secret")));
        assertThat(e).isNotNull();
        List<String> errors = e.errors().stream().map(ConfigError::toString).toList();
        assertThat(errors).containsExactly(
                "subscriptions.listen: bad port 99999 in '127.0.0.1:99999': expected 1-65535 (line 7)",
                "subscriptions.public-url: bad URL 'ftp://etat.vigie.test': expected http:// or https:// (line 8)",
                "subscriptions.smtp: bad SMTP relay 'localhost': expected host:port (127.0.0.1:25) (line 9)",
                "subscriptions.from: bad sender address 'personne': expected name@domain or \"Vigie <name@domain>\" (line 10)",
                "subscriptions.user: an SMTP account ('user') needs its password in 'password' (${ENV} or file:) (line 11)",
                "subscriptions.key: the token key must be at least 32 characters (or leave 'key' out: one is generated into the data folder) (line 12)",
                "subscriptions.rate-per-second: expected a whole number between 1 and 10000, found 0 (line 13)",
                "subscriptions.confirmation-ttl: bad duration 'bientôt': write a number and a unit (500ms, 30s, 2m, 1h, 7d) or ISO-8601 (PT30S) (line 14)",
                "subscriptions.carrier-pigeon: unknown key 'carrier-pigeon'; allowed here: batch-size, confirmation-ttl, from, key, listen, password, per-address-per-day, per-client-per-hour, public-url, rate-per-second, smtp, user, webhooks (line 15)");
        assertThat(String.join("\n", errors)).doesNotContain("court-et-secret");
    }

    @Test
    void theEndpointMustBeOnTheSitesOrigin() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> load(TARGETS + """
                site:
                  base-url: https://etat.vigie.test
                  contact-email: contact@vigie.test
                subscriptions:
                  public-url: https://abonnement.ailleurs.test/abonnement
                  smtp: 127.0.0.1:25
                  from: vigie@vigie.test
                """, Map.of()));
        assertThat(e).isNotNull();
        assertThat(e.errors().stream().map(ConfigError::toString).toList()).containsExactly(
                "subscriptions.public-url: public-url https://abonnement.ailleurs.test/abonnement is not on the site's "
                        + "origin (https://etat.vigie.test): the form's page only lets forms post to its own origin; "
                        + "serve the endpoint under the site, e.g. https://etat.vigie.test/abonnement, behind the same "
                        + "reverse proxy (line 10)");
    }

    @Test
    void publicUrlSmtpAndFromAreRequired() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> load(TARGETS + """
                subscriptions:
                  listen: 127.0.0.1:8081
                """, Map.of()));
        assertThat(e).isNotNull();
        assertThat(e.errors().stream().map(ConfigError::toString).toList()).hasSize(3)
                .allMatch(m -> m.contains("line 6") || m.contains("subscriptions"));
    }
}
