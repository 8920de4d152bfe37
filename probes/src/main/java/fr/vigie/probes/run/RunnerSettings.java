package fr.vigie.probes.run;

import fr.vigie.config.ProbingConfig;
import fr.vigie.probes.ProbeSections;
import fr.vigie.probes.signature.SignatureCatalogue;

import io.vertx.core.net.TrustOptions;

import java.util.Map;

/**
 * What a {@link JourneyRunner} needs from the configuration.
 *
 * @param probing    limits and politeness
 * @param userAgent  full User-Agent header, contact URL included
 * @param vantage    id of this probing site, written in every result
 * @param signatures body signature catalogue
 * @param hosts      static name -> IP table consulted before the system resolver (empty in production)
 * @param trust      trust anchors for HTTPS targets, or null for the JDK's default CA store
 */
public record RunnerSettings(ProbingConfig probing, String userAgent, String vantage, SignatureCatalogue signatures,
                             Map<String, String> hosts, TrustOptions trust) {
    public RunnerSettings {
        hosts = Map.copyOf(hosts);
    }

    public static RunnerSettings from(ProbeSections config) {
        String contact = config.site() == null ? null : config.site().contactUrl();
        return new RunnerSettings(config.probing(), userAgent(config.probing().userAgent(), contact),
                config.vantage() == null ? null : config.vantage().id(),
                SignatureCatalogue.withExtras(config.probing().signatures()), Map.of(), null);
    }

    /** {@code "Vigie/0.1 (+https://contact)"}: operators can see who probes them and how to reach us. */
    public static String userAgent(String base, String contactUrl) {
        String agent = base == null || base.isBlank() ? "Vigie" : base.trim();
        if (contactUrl == null || contactUrl.isBlank() || agent.contains(contactUrl)) {
            return agent;
        }
        return agent + " (+" + contactUrl + ")";
    }
}
