package fr.vigie.config.load;

import fr.vigie.config.Credentials;
import fr.vigie.config.Journey;
import fr.vigie.config.Secret;
import fr.vigie.config.Target;
import fr.vigie.config.TargetKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the targets, checking ids are unique and that journeys, schedules and journey variables exist. */
final class TargetReader {
    /** How a probe password may be written: a reference to the environment, never the value itself. */
    private static final Pattern PASSWORD_REFERENCE = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*(:-)?}");
    private TargetReader() {
    }

    static List<Target> targets(Node section, Map<String, Journey> journeys, Set<String> schedules) {
        List<Target> targets = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        List<Node> items = section.items();
        for (int i = 0; i < items.size(); i++) {
            Node node = items.get(i);
            Target target = target(node, journeys, schedules);
            if (target == null) {
                continue;
            }
            Integer first = ids.putIfAbsent(target.id(), i);
            if (first != null && target.id() != null) {
                node.get("id").error("duplicate target id '" + target.id() + "' (first at targets[" + first + "])");
            }
            targets.add(target);
        }
        return targets;
    }

    private static Target target(Node node, Map<String, Journey> journeys, Set<String> schedules) {
        if (!node.mapping("id", "name", "kind", "region", "academies", "holiday-zone", "vendor", "hosting-group",
                "base-url", "journey", "credentials", "schedule", "tags", "vars")) {
            if (!node.present()) { // a wrong type was reported by mapping()
                node.error("expected a target mapping (id, kind, base-url, journey ...)");
            }
            return null;
        }
        String id = node.get("id").requiredText();
        if (id != null && Checks.id(id) != null) {
            node.get("id").error(Checks.id(id));
        }
        TargetKind kind = node.get("kind").required() ? node.get("kind").choice(TargetKind.class) : null;
        String zone = node.get("holiday-zone").present() ? node.get("holiday-zone").oneOf(ScheduleReader.ZONES) : null;
        String baseUrl = node.get("base-url").required() ? SettingsReader.url(node.get("base-url"), null) : null;
        // journeys: the shipped templates alone are 13, and the list is what a reader needs to pick one
        String journey = reference(node.get("journey"), journeys.keySet(), "journey", null, 24);
        String schedule = reference(node.get("schedule"), schedules, "schedule", Defaults.SCHEDULE_NAME, 12);
        Map<String, String> vars = node.get("vars").textMap();
        if (journey != null && journeys.containsKey(journey)) {
            for (String var : Templates.varsUsed(journeys.get(journey))) {
                if (!vars.containsKey(var)) {
                    node.get("vars").error("journey '" + journey + "' uses {{vars." + var + "}}: set vars." + var);
                }
            }
        }
        return new Target(id, node.get("name").text(id), kind, node.get("region").text(),
                node.get("academies").texts(), zone, node.get("vendor").text(), node.get("hosting-group").text(),
                baseUrl, journey, credentials(node.get("credentials")), schedule, node.get("tags").texts(), vars);
    }

    /** A required (fallback null) or optional name that must exist among {@code known} (listed up to {@code most}). */
    private static String reference(Node node, Set<String> known, String what, String fallback, int most) {
        if (fallback == null && !node.required()) {
            return null;
        }
        String name = node.text(fallback);
        if (name != null && !known.contains(name)) {
            node.error("unknown " + what + " '" + name + "'" + Suggestions.hint(name, known)
                    + ScheduleReader.known(known, most));
        }
        return name;
    }

    /** {@code ${NAME}}, {@code ${NAME:-}} (empty default: unset means public probing) or {@code file:...}. */
    private static boolean isReference(String raw) {
        return raw != null && (PASSWORD_REFERENCE.matcher(raw.trim()).matches() || raw.trim().startsWith("file:"));
    }

    /** Credentials whose username or password resolves to empty mean "public probing only". */
    private static Optional<Credentials> credentials(Node node) {
        if (!node.mapping("username", "password")) {
            return Optional.empty();
        }
        Secret username = node.get("username").present() ? node.get("username").secret() : null;
        Secret password = node.get("password").present() ? node.get("password").secret() : null;
        if (!node.get("username").present() || !node.get("password").present()) {
            node.error("credentials need both username and password (use ${VAR:-} to leave them unset)");
        } else if (!isReference(node.get("password").rawText())) {
            node.get("password").error("a probe password must come from an environment variable (${NAME}) or a"
                    + " file (file:/path), never from the config file itself (value not shown)");
            return Optional.empty();
        }
        if (username == null || password == null || username.isEmpty() || password.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Credentials(username, password));
    }
}
