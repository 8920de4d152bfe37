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
 */
public record ProbingConfig(String userAgent, double maxRequestsPerSecond, Duration connectTimeout,
                            Duration stepTimeout, long maxBodyBytes, int maxRedirects, Duration loginBackoff,
                            List<SignatureConfig> signatures) {
    public ProbingConfig {
        signatures = List.copyOf(signatures);
    }
}
