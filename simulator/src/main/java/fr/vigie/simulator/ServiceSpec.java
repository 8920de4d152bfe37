package fr.vigie.simulator;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One simulated service. Credentials are the single account it accepts (blank = no account can log in).
 *
 * @param id           target id, used in ground truth and fault targeting
 * @param flavour      the platform it imitates
 * @param host         the host of its base URL: a loopback address (127.0.0.0/8, or localhost), bound as is, or a
 *                     name under the reserved {@code .test} TLD (RFC 6761, e.g. {@code ent-a.ovh.vigie.test}),
 *                     bound on 127.0.0.1 and answered by the fleet's {@link fr.vigie.simulator.dns.SimulatedDns}
 * @param port         TCP port
 * @param hostingGroup services with the same group share one host's capacity and fail together on outages
 * @param capacity     the host's resources (the first spec of a group decides for the group)
 * @param username     the one account's login
 * @param password     the one account's password
 */
public record ServiceSpec(String id, Flavour flavour, String host, int port, String hostingGroup, Capacity capacity,
                          String username, String password) {
    /** Where a named service listens. */
    public static final String NAMED_BIND_ADDRESS = "127.0.0.1";
    /** A host name under the .test TLD, which RFC 6761 reserves for testing: it never exists on the Internet. */
    private static final Pattern TEST_NAME =
            Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+test");

    public ServiceSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(flavour, "flavour");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(hostingGroup, "hostingGroup");
        Objects.requireNonNull(capacity, "capacity");
        if (isTestName(host)) {
            host = host.toLowerCase(Locale.ROOT);
        } else if (!host.startsWith("127.") && !host.equals("localhost")) {
            throw new IllegalArgumentException("service " + id + ": the simulator binds loopback only, got " + host
                                               + " (a loopback address, or a name under .test bound on 127.0.0.1)");
        }
        username = username == null ? "" : username;
        password = password == null ? "" : password;
    }

    /** True for a host name under the reserved .test TLD (RFC 6761), e.g. ent-a.ovh.vigie.test. */
    public static boolean isTestName(String host) {
        return host != null && TEST_NAME.matcher(host.toLowerCase(Locale.ROOT)).matches();
    }

    /**
     * A spec from a target's base URL (http://127.0.0.1:PORT, as in config/demo.yaml, or http://NAME.test:PORT,
     * a name the fleet's DNS answers with 127.0.0.1) and journey template, with the standard capacity.
     */
    public static ServiceSpec forTarget(String id, String journey, String baseUrl, String hostingGroup,
                                        String username, String password) {
        java.net.URI uri = java.net.URI.create(baseUrl);
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) {
            throw new IllegalArgumentException("service " + id + ": base URL must be http://HOST:PORT, got " + baseUrl);
        }
        return new ServiceSpec(id, Flavour.forJourney(journey), uri.getHost(), uri.getPort(), hostingGroup,
                Capacity.standard(), username, password);
    }

    /** The DNS name it is addressed by (a name under .test), or empty for a loopback literal. */
    public Optional<String> name() {
        return isTestName(host) ? Optional.of(host) : Optional.empty();
    }

    /** The address its port is bound on: {@link #host()} for a loopback literal, 127.0.0.1 for a name. */
    public String bindHost() {
        return isTestName(host) ? NAMED_BIND_ADDRESS : host;
    }

    /** Base URL, e.g. http://127.0.0.1:18101 or http://ent-a.ovh.vigie.test:18101 */
    public String baseUrl() {
        return "http://" + host + ":" + port;
    }

    @Override
    public String toString() {
        return "ServiceSpec[" + id + " " + flavour + " " + host + ":" + port + " " + hostingGroup + "]";
    }
}
