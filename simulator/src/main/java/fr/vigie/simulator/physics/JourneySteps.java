package fr.vigie.simulator.physics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Step names and kinds of a journey, in the order the prober walks them. Looked up, in order: the fleet file's own
 * {@code journeys:} section; the journey template shipped with the config module when it is on the class path
 * ({@code /fr/vigie/config/journeys/NAME.yaml}, read as plain YAML: the simulator depends on no Vigie module);
 * a copy of the shipped templates' names and kinds, for a class path without the config module.
 */
final class JourneySteps {
    /** One step: its trace name and kind ({@code static}, {@code page}, {@code login}, {@code api}, {@code write}). */
    record Step(String name, String kind) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, List<String>> SHIPPED = Map.of(
            "open-ent-ng", List.of("login-page:login", "theme:static", "login:login", "timeline:page", "userinfo:api",
                    "logout:page"),
            "open-ent-ng-write", List.of("login-page:login", "theme:static", "login:login", "timeline:page",
                    "userinfo:api", "post-message:write", "logout:page"),
            "cas", List.of("login-page:login", "static:static", "login:login", "user:api", "logout:page"),
            "cas-write", List.of("login-page:login", "static:static", "login:login", "user:api", "post-message:write",
                    "logout:page"),
            "kosmos", List.of("login-page:login", "static:static", "login:login", "user:api", "logout:page"),
            "kosmos-write", List.of("login-page:login", "static:static", "login:login", "user:api",
                    "post-message:write", "logout:page"),
            "educonnect", List.of("login-page:login", "static:static", "login:login", "saml-post:login", "logout:page"),
            "cned", List.of("login-page:login", "static:static", "login:login", "courses:page", "virtual-class:page",
                    "logout:page"),
            "cned-write", List.of("login-page:login", "static:static", "login:login", "courses:page",
                    "virtual-class:page", "homework:write", "logout:page"),
            "control", List.of("home:static"));

    private JourneySteps() {
    }

    static List<Step> of(String journey, JsonNode fleetJourneys) throws IOException {
        if (fleetJourneys != null && fleetJourneys.has(journey)) {
            return read(fleetJourneys.get(journey), journey);
        }
        try (InputStream in = JourneySteps.class.getResourceAsStream("/fr/vigie/config/journeys/" + journey + ".yaml")) {
            if (in != null) {
                return read(YAML.readTree(in), journey);
            }
        }
        List<String> shipped = SHIPPED.get(journey);
        if (shipped == null) {
            throw new IllegalArgumentException("unknown journey '" + journey + "' (not in the fleet file's journeys, "
                                               + "nor a shipped template)");
        }
        return shipped.stream().map(s -> new Step(s.substring(0, s.indexOf(':')), s.substring(s.indexOf(':') + 1)))
                .toList();
    }

    private static List<Step> read(JsonNode journey, String name) {
        JsonNode steps = journey.get("steps");
        if (steps == null || !steps.isArray() || steps.isEmpty()) {
            throw new IllegalArgumentException("journey '" + name + "' has no steps");
        }
        List<Step> out = new ArrayList<>();
        for (JsonNode s : steps) {
            String kind = s.hasNonNull("kind") ? s.get("kind").asText() : "page";
            out.add(new Step(s.get("name").asText(), kind));
        }
        return List.copyOf(out);
    }
}
