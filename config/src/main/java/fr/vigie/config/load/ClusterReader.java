package fr.vigie.config.load;

import fr.vigie.config.ClusterConfig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the optional {@code cluster} section; absent, Vigie is one process and this returns null. */
final class ClusterReader {
    /** host:port or host:first-last (a port range, Hazelcast's notation) */
    private static final Pattern MEMBER = Pattern.compile("([^:\\s]+):(\\d{1,5})(?:-(\\d{1,5}))?");

    private ClusterReader() {
    }

    static ClusterConfig cluster(Node node) {
        if (!node.present()) {
            return null;
        }
        if (!node.mapping("name", "listen", "members", "vantages", "quorum", "heartbeat", "heartbeat-timeout",
                "max-clock-drift")) {
            return null;
        }
        String name = node.get("name").text(Defaults.CLUSTER_NAME);
        String bad = Checks.id(name);
        if (bad != null) {
            node.get("name").error(bad);
        }
        String listen = SettingsReader.listen(node.get("listen"), Defaults.CLUSTER_LISTEN);
        List<String> members = members(node.get("members"));
        Long vantages = node.get("vantages").required() ? node.get("vantages").integer(1, 100) : null;
        Long quorum = node.get("quorum").integer(1, 100);
        int n = vantages == null ? 1 : vantages.intValue();
        int k = quorum == null ? Math.min(Defaults.CLUSTER_QUORUM, n) : quorum.intValue();
        if (vantages != null && quorum != null && k > n) {
            node.get("quorum").error("quorum " + k + " is more than the " + n + " vantages: no fault could ever be "
                    + "confirmed (expected 1-" + n + ")");
        }
        Duration heartbeat = node.get("heartbeat").duration(Defaults.CLUSTER_HEARTBEAT);
        Duration timeout = node.get("heartbeat-timeout")
                .duration(heartbeat.multipliedBy(Defaults.CLUSTER_MISSED_HEARTBEATS));
        if (timeout.compareTo(heartbeat) <= 0) {
            node.get("heartbeat-timeout").error("heartbeat-timeout must be longer than heartbeat (" + heartbeat
                    .toMillis() + " ms), or every vantage would be excluded between two heartbeats");
        }
        Duration drift = node.get("max-clock-drift").duration(Defaults.CLUSTER_MAX_CLOCK_DRIFT);
        return new ClusterConfig(name, listen, members, n, k, heartbeat, timeout, drift);
    }

    private static List<String> members(Node node) {
        List<String> members = new ArrayList<>();
        if (!node.required()) {
            return members;
        }
        List<Node> items = node.items();
        if (node.json().isArray() && items.isEmpty()) {
            node.error("at least one member is needed (127.0.0.1:5701)");
        }
        for (Node item : items) {
            String member = item.requiredText();
            if (member == null) {
                continue;
            }
            String problem = member(member);
            if (problem != null) {
                item.error(problem);
            } else {
                members.add(member);
            }
        }
        return members;
    }

    static String member(String member) {
        Matcher m = MEMBER.matcher(member);
        String expected = "bad member '" + member + "': expected host:port or host:first-last (127.0.0.1:5701-5703)";
        if (!m.matches()) {
            return expected;
        }
        int first = Integer.parseInt(m.group(2));
        int last = m.group(3) == null ? first : Integer.parseInt(m.group(3));
        if (first < 1 || last > 65535 || first > last) {
            return "bad port range in member '" + member + "': expected ports 1-65535, first not after last";
        }
        return null;
    }
}
