package fr.vigie.simulator.physics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The targets and probing time-outs of a Vigie config file, read as plain YAML (the simulator depends on no Vigie
 * module): per target {@code id}, {@code journey}, {@code hosting-group} (optional), {@code kind}; and
 * {@code probing.connect-timeout} / {@code probing.step-timeout} (defaults 2 s / 5 s, the prober's).
 */
record PhysicsFleet(List<PhysicsTarget> targets, Duration connectTimeout, Duration stepTimeout, String vantage) {

    static PhysicsFleet read(Path configYaml) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(configYaml.toFile());
        JsonNode targets = root == null ? null : root.get("targets");
        if (targets == null || !targets.isArray() || targets.isEmpty()) {
            throw new IllegalArgumentException(configYaml + ": no targets list");
        }
        JsonNode journeys = root.get("journeys");
        List<PhysicsTarget> fleet = new ArrayList<>();
        for (JsonNode t : targets) {
            String id = required(t, "id", configYaml);
            String journey = required(t, "journey", configYaml);
            String group = t.hasNonNull("hosting-group") ? t.get("hosting-group").asText() : id;
            boolean control = t.hasNonNull("kind") && t.get("kind").asText().equals("control");
            fleet.add(new PhysicsTarget(id, journey, group, control, JourneySteps.of(journey, journeys), fleet.size()));
        }
        JsonNode probing = root.get("probing");
        Duration connect = duration(probing, "connect-timeout", Duration.ofSeconds(2));
        Duration step = duration(probing, "step-timeout", Duration.ofSeconds(5));
        JsonNode vantage = root.get("vantage");
        String vantageId = vantage != null && vantage.hasNonNull("id") ? vantage.get("id").asText() : "physics";
        return new PhysicsFleet(List.copyOf(fleet), connect, step, vantageId);
    }

    private static String required(JsonNode node, String key, Path file) {
        JsonNode v = node.get(key);
        if (v == null || v.asText().isBlank()) {
            throw new IllegalArgumentException(file + ": a target lacks '" + key + "'");
        }
        return v.asText();
    }

    private static Duration duration(JsonNode probing, String key, Duration fallback) {
        if (probing == null || !probing.hasNonNull(key)) {
            return fallback;
        }
        return parse(probing.get(key).asText());
    }

    /** 2s, 500ms, 1m or ISO-8601. */
    static Duration parse(String s) {
        String v = s.trim().toLowerCase(Locale.ROOT);
        if (v.startsWith("p")) {
            return Duration.parse(v.toUpperCase(Locale.ROOT));
        }
        if (v.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        return Duration.parse("PT" + v.toUpperCase(Locale.ROOT));
    }
}
