package fr.vigie.simulator;

import java.util.Objects;

/**
 * One simulated service. Credentials are the single account it accepts (blank = no account can log in).
 *
 * @param id           target id, used in ground truth and fault targeting
 * @param flavour      the platform it imitates
 * @param host         bind address, must be a loopback address (127.0.0.0/8)
 * @param port         TCP port
 * @param hostingGroup services with the same group share one host's capacity and fail together on outages
 * @param capacity     the host's resources (the first spec of a group decides for the group)
 * @param username     the one account's login
 * @param password     the one account's password
 */
public record ServiceSpec(String id, Flavour flavour, String host, int port, String hostingGroup, Capacity capacity,
                          String username, String password) {

    public ServiceSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(flavour, "flavour");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(hostingGroup, "hostingGroup");
        Objects.requireNonNull(capacity, "capacity");
        if (!host.startsWith("127.") && !host.equals("localhost")) {
            throw new IllegalArgumentException("service " + id + ": the simulator binds loopback only, got " + host);
        }
        username = username == null ? "" : username;
        password = password == null ? "" : password;
    }

    /**
     * A spec from a target's base URL (http://127.0.0.1:PORT, as in config/demo.yaml) and journey template, with
     * the standard capacity.
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

    /** Base URL, e.g. http://127.0.0.1:18101 */
    public String baseUrl() {
        return "http://" + host + ":" + port;
    }

    @Override
    public String toString() {
        return "ServiceSpec[" + id + " " + flavour + " " + host + ":" + port + " " + hostingGroup + "]";
    }
}
