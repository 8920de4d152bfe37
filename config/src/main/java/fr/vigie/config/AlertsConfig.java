package fr.vigie.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Alert routing to the crisis cell.
 *
 * @param receivers  named receivers
 * @param routes     evaluated in order; the first match wins unless it says {@code continue}
 * @param defaultReceivers receivers for incidents no route matched
 * @param groupWait  wait before the first notification so that targets failing together arrive in one message
 * @param repeatInterval re-notify an incident still open after this long
 * @param admin      authenticated admin API listener (silences, crisis-cell updates)
 */
public record AlertsConfig(Map<String, Receiver> receivers, List<Route> routes, List<String> defaultReceivers,
                           Duration groupWait, Duration repeatInterval, AdminApi admin) {
    public AlertsConfig {
        receivers = VigieConfig.ordered(receivers);
        routes = List.copyOf(routes);
        defaultReceivers = List.copyOf(defaultReceivers);
    }

    public static AlertsConfig none() {
        return new AlertsConfig(Map.of(), List.of(), List.of(), Duration.ofSeconds(30), Duration.ofHours(4),
                new AdminApi("127.0.0.1:8081", null));
    }

    /**
     * A receiver.
     *
     * @param type    webhook, slack, mattermost, matrix or email
     * @param url     endpoint (webhook, slack, mattermost: often itself a secret) or Matrix homeserver URL
     * @param secret  webhook signing secret ({@code whsec_...}), Matrix access token or SMTP password
     * @param room    Matrix room id
     * @param smtp    SMTP host:port (email)
     * @param from    sender address (email)
     * @param to      recipients (email)
     * @param user    SMTP account (email), with its password in {@code secret}; null: no authentication
     */
    public record Receiver(String name, String type, Secret url, Secret secret, String room, String smtp,
                           String from, List<String> to, String user) {
        public Receiver {
            to = to == null ? List.of() : List.copyOf(to);
        }

        /** A receiver without an SMTP account. */
        public Receiver(String name, String type, Secret url, Secret secret, String room, String smtp,
                        String from, List<String> to) {
            this(name, type, url, secret, room, smtp, from, to, null);
        }
    }

    /**
     * A route: every non-empty matcher must match (values within one matcher are alternatives).
     *
     * @param cont when true, evaluation continues with the next routes after a match
     */
    public record Route(List<String> kinds, List<String> regions, List<String> academies,
                        List<String> hostingGroups, List<String> causes, List<String> statuses,
                        List<String> receivers, boolean cont) {
        public Route {
            kinds = List.copyOf(kinds);
            regions = List.copyOf(regions);
            academies = List.copyOf(academies);
            hostingGroups = List.copyOf(hostingGroups);
            causes = List.copyOf(causes);
            statuses = List.copyOf(statuses);
            receivers = List.copyOf(receivers);
        }
    }

    /**
     * The admin listener, separate from the public site; {@code token} is the Bearer token.
     *
     * @param staleAfter no result stored for this long makes readiness fail and raises an internal alarm
     */
    public record AdminApi(String listen, Secret token, Duration staleAfter) {
        /** Default of {@code alerts.admin.stale-after}. */
        public static final Duration DEFAULT_STALE_AFTER = Duration.ofMinutes(15);

        public AdminApi {
            staleAfter = staleAfter == null ? DEFAULT_STALE_AFTER : staleAfter;
        }

        public AdminApi(String listen, Secret token) {
            this(listen, token, DEFAULT_STALE_AFTER);
        }
    }
}
