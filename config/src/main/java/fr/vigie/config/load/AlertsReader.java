package fr.vigie.config.load;

import fr.vigie.config.AlertsConfig;
import fr.vigie.config.Secret;
import fr.vigie.config.Target;
import fr.vigie.config.TargetKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the alerts section. A receiver whose required secret (url, Matrix token) resolves to empty,
 * typically {@code ${VAR:-}} with the variable unset, is inactive: it is left out of the result and
 * out of every route, so a shipped sample config loads on a clean machine.
 */
final class AlertsReader {
    private static final Logger LOG = LoggerFactory.getLogger(AlertsReader.class);
    static final List<String> RECEIVER_TYPES = List.of("webhook", "slack", "mattermost", "matrix", "email");
    /** Wire names of the aggregator's Cause and Status (config depends on no other module). */
    static final List<String> CAUSES = List.of("none", "saturation", "attack", "storage", "network", "application",
            "maintenance", "vantage", "unknown");
    static final List<String> STATUSES = List.of("operational", "under_maintenance", "degraded_performance",
            "partial_outage", "major_outage");

    private AlertsReader() {
    }

    static AlertsConfig alerts(Node node, List<Target> targets) {
        if (!node.mapping("receivers", "routes", "default-receivers", "group-wait", "repeat-interval", "admin")) {
            node.get("admin").mapping("listen", "token", "stale-after");
            return AlertsConfig.none();
        }
        Map<String, AlertsConfig.Receiver> all = receivers(node.get("receivers"));
        Set<String> names = all.keySet();
        List<AlertsConfig.Route> routes = new ArrayList<>();
        for (Node routeNode : node.get("routes").items()) {
            AlertsConfig.Route route = route(routeNode, names, targets);
            if (route != null) {
                routes.add(route);
            }
        }
        List<String> defaults = receiverNames(node.get("default-receivers"), names);
        Map<String, AlertsConfig.Receiver> active = new LinkedHashMap<>();
        all.forEach((name, receiver) -> {
            if (isActive(receiver)) {
                active.put(name, receiver);
            } else {
                LOG.info("alerts receiver {} inactive: its url, token or password resolved to empty", name);
            }
        });
        List<AlertsConfig.Route> activeRoutes = routes.stream().map(r -> new AlertsConfig.Route(r.kinds(),
                r.regions(), r.academies(), r.hostingGroups(), r.causes(), r.statuses(),
                r.receivers().stream().filter(active::containsKey).toList(), r.cont())).toList();
        return new AlertsConfig(active, activeRoutes, defaults.stream().filter(active::containsKey).toList(),
                node.get("group-wait").duration(Defaults.GROUP_WAIT),
                node.get("repeat-interval").duration(Defaults.REPEAT_INTERVAL), admin(node.get("admin")));
    }

    private static boolean isActive(AlertsConfig.Receiver r) {
        return switch (r.type() == null ? "" : r.type()) {
            case "email" -> r.smtp() != null && !r.smtp().isEmpty() && !r.to().isEmpty()
                    && (r.user() == null || r.user().isEmpty() || (r.secret() != null && !r.secret().isEmpty()));
            case "matrix" -> r.url() != null && !r.url().isEmpty() && r.secret() != null && !r.secret().isEmpty()
                    && r.room() != null && !r.room().isBlank();
            default -> r.url() != null && !r.url().isEmpty();
        };
    }

    private static Map<String, AlertsConfig.Receiver> receivers(Node section) {
        Map<String, AlertsConfig.Receiver> receivers = new LinkedHashMap<>();
        section.entries().forEach((name, node) -> {
            if (!node.mapping("type", "url", "secret", "room", "smtp", "from", "to", "user")) {
                if (!node.present()) { // a wrong type was reported by mapping()
                    node.error("expected a receiver mapping (type, url ...)");
                }
                return;
            }
            String type = node.get("type").required() ? node.get("type").oneOf(RECEIVER_TYPES) : null;
            Secret url = node.get("url").secret();
            if (url != null && !url.isEmpty() && Checks.httpUrl(url.reveal()) != null) {
                // the URL itself may be a secret (Slack, Mattermost): describe it without its value
                node.get("url").error("bad URL: expected an absolute http:// or https:// URL (value not shown)");
            }
            String smtp = node.get("smtp").text();
            if (smtp != null && !smtp.isEmpty() && Checks.listen(smtp) != null) {
                node.get("smtp").error("bad SMTP server '" + smtp + "': expected host:port");
            }
            if (type != null) {
                requireFor(type, node);
            }
            if ("webhook".equals(type) && url != null && !url.isEmpty()) {
                requireSigningSecret(node.get("secret"));
            }
            if ("email".equals(type)) {
                requireAccountPair(node);
            }
            receivers.put(name, new AlertsConfig.Receiver(name, type, url, node.get("secret").secret(),
                    node.get("room").text(), smtp, node.get("from").text(), recipients(node.get("to")),
                    node.get("user").text()));
        });
        return receivers;
    }

    /** Recipients, blank ones left out: {@code to: ${VIGIE_ALERT_TO:-}} unset means nobody, not "". */
    private static List<String> recipients(Node to) {
        return to.texts().stream().map(String::trim).filter(t -> !t.isEmpty()).toList();
    }

    /** SMTP authentication takes both the account ({@code user}) and its password ({@code secret}), or neither. */
    private static void requireAccountPair(Node node) {
        boolean user = node.get("user").text() != null && !node.get("user").text().isEmpty();
        Secret password = node.get("secret").secret();
        boolean hasPassword = password != null && !password.isEmpty();
        // a password that resolves to empty (${VAR:-}) leaves the receiver inactive, as for other secrets
        if (user && !node.get("secret").present()) {
            node.get("secret").error("an email receiver with a 'user' needs its SMTP password in 'secret'");
        } else if (!user && hasPassword) {
            node.get("user").error("an email receiver with a 'secret' (SMTP password) needs its account in 'user'");
        }
    }

    /** Standard Webhooks v1: an active webhook is always signed, with a {@code whsec_<base64>} secret. */
    private static void requireSigningSecret(Node secret) {
        Secret value = secret.secret();
        if (value == null || value.isEmpty()) {
            secret.error("a webhook receiver needs a signing secret 'whsec_<base64>'");
        } else if (!value.reveal().startsWith("whsec_")) {
            secret.error("a webhook signing secret must start with 'whsec_' (value not shown)");
        }
    }

    private static void requireFor(String type, Node node) {
        List<String> needed = switch (type) {
            case "email" -> List.of("smtp", "from", "to");
            case "matrix" -> List.of("url", "secret", "room");
            default -> List.of("url");
        };
        for (String key : needed) {
            if (!node.get(key).present()) {
                node.get(key).error("a " + type + " receiver needs '" + key + "'");
            }
        }
    }

    private static AlertsConfig.Route route(Node node, Set<String> receivers, List<Target> targets) {
        if (!node.mapping("match", "receivers", "continue")) {
            if (!node.present()) { // a wrong type was reported by mapping()
                node.error("expected a route mapping (match, receivers, continue)");
            }
            return null;
        }
        Node match = node.get("match");
        match.mapping("kinds", "regions", "academies", "hosting-groups", "causes", "statuses");
        List<String> kinds = words(match.get("kinds"), Arrays.stream(TargetKind.values()).map(Node::wire).toList());
        List<String> regions = words(match.get("regions"), values(targets, Target::region));
        List<String> academies = words(match.get("academies"),
                targets.stream().flatMap(t -> t.academies().stream()).distinct().sorted().toList());
        List<String> groups = words(match.get("hosting-groups"), values(targets, Target::hostingGroup));
        List<String> causes = words(match.get("causes"), CAUSES);
        List<String> statuses = words(match.get("statuses"), STATUSES);
        if (!node.get("receivers").present()) {
            node.get("receivers").error("a route needs 'receivers'");
        }
        return new AlertsConfig.Route(kinds, regions, academies, groups, causes, statuses,
                receiverNames(node.get("receivers"), receivers), node.get("continue").bool(false));
    }

    private static List<String> values(List<Target> targets, Function<Target, String> field) {
        return targets.stream().map(field).filter(Objects::nonNull).distinct().sorted().toList();
    }

    /** Values that must each be one of {@code allowed} (target regions, causes...). */
    private static List<String> words(Node node, List<String> allowed) {
        List<String> values = node.texts();
        for (String value : values) {
            if (!allowed.contains(value)) {
                node.error("unknown value '" + value + "' for " + node.name() + Suggestions.hint(value, allowed)
                        + (allowed.size() <= 12 ? ": expected one of " + String.join(", ", allowed) : ""));
            }
        }
        return values;
    }

    private static List<String> receiverNames(Node node, Set<String> receivers) {
        List<String> names = node.texts();
        for (String name : names) {
            if (!receivers.contains(name)) {
                node.error("unknown receiver '" + name + "'" + Suggestions.hint(name, receivers)
                        + ScheduleReader.known(receivers));
            }
        }
        return names;
    }

    private static AlertsConfig.AdminApi admin(Node node) {
        node.mapping("listen", "token", "stale-after");
        Secret token = SettingsReader.emptyToNull(node.get("token").secret());
        return new AlertsConfig.AdminApi(SettingsReader.listen(node.get("listen"), Defaults.ADMIN_LISTEN), token,
                node.get("stale-after").duration(Defaults.STALE_AFTER));
    }
}
