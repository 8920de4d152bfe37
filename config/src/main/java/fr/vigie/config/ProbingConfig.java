package fr.vigie.config;

import java.time.Duration;
import java.util.List;

/**
 * Global probe limits and politeness.
 *
 * @param userAgent        sent on every request; the contact URL is appended
 * @param maxRequestsPerSecond global cap over all targets (probing must never add meaningful load)
 * @param connectTimeout   TCP connect bound
 * @param stepTimeout      total bound for one step (connect to last byte)
 * @param maxBodyBytes     responses are cut (outcome {@code too_large}) beyond this
 * @param maxRedirects     redirect chain bound (outcome {@code redirect_loop} beyond)
 * @param loginBackoff     after {@code login_rejected}, logged-in journeys of that target pause this long
 * @param signatures       extra body signatures, added to the shipped catalogue
 * @param dnsServers       DNS servers the probes ask, in order ({@code ip} or {@code ip:port}); empty: the
 *                         system's resolver (/etc/hosts, then its DNS servers, through the JDK's cache)
 */
public record ProbingConfig(String userAgent, double maxRequestsPerSecond, Duration connectTimeout,
                            Duration stepTimeout, long maxBodyBytes, int maxRedirects, Duration loginBackoff,
                            List<SignatureConfig> signatures, List<String> dnsServers) {
    public ProbingConfig {
        signatures = List.copyOf(signatures);
        dnsServers = dnsServers == null ? List.of() : List.copyOf(dnsServers);
    }

    /** Probing through the system's resolver. */
    public ProbingConfig(String userAgent, double maxRequestsPerSecond, Duration connectTimeout,
                         Duration stepTimeout, long maxBodyBytes, int maxRedirects, Duration loginBackoff,
                         List<SignatureConfig> signatures) {
        this(userAgent, maxRequestsPerSecond, connectTimeout, stepTimeout, maxBodyBytes, maxRedirects, loginBackoff,
                signatures, List.of());
    }

    /** The same settings asking these DNS servers. */
    public ProbingConfig withDnsServers(List<String> servers) {
        return new ProbingConfig(userAgent, maxRequestsPerSecond, connectTimeout, stepTimeout, maxBodyBytes,
                maxRedirects, loginBackoff, signatures, servers);
    }
}
